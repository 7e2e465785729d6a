package cn.onething.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void acceptsRealNumbersWithTheirCheckDigit() {
        assertThat(IdNumber.check("110101199003070011", TODAY)).isNull();
        assertThat(IdNumber.check("110105199205120027", TODAY)).isNull();
        // a check value of 10 is written X, in either case
        assertThat(IdNumber.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.check("11010519491231002X", TODAY)).isNull();
        assertThat(IdNumber.check("11010519491231002x", TODAY)).isNull();
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(IdNumber.check("110101199003070012", TODAY)).isEqualTo(IdNumber.Problem.CHECK_DIGIT);
        assertThat(IdNumber.check("11010119900307001", TODAY)).isEqualTo(IdNumber.Problem.FORMAT);
        assertThat(IdNumber.check("01010119900307001X", TODAY)).isEqualTo(IdNumber.Problem.FORMAT);
        assertThat(IdNumber.check(null, TODAY)).isEqualTo(IdNumber.Problem.FORMAT);
        assertThat(IdNumber.check("110101199002300011", TODAY)).isEqualTo(IdNumber.Problem.BIRTH_DATE);
        assertThat(IdNumber.check("110101202712010011", TODAY)).isEqualTo(IdNumber.Problem.BIRTH_DATE);
    }
}
