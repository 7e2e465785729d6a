package cn.onething.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void namesKeepTheFamilyName() {
        assertThat(Mask.name("张三")).isEqualTo("张*");
        assertThat(Mask.name("王小明")).isEqualTo("王**");
        assertThat(Mask.name("欧阳娜娜")).isEqualTo("欧阳**");
        assertThat(Mask.name("李")).isEqualTo("李");
    }

    @Test
    void idNumbersAndPhonesKeepOnlyTheirEnds() {
        assertThat(Mask.idNumber("110101199003070011")).isEqualTo("1101***********011");
        assertThat(Mask.phone("13800000001")).isEqualTo("138****0001");
        assertThat(Mask.phone("123")).isEqualTo("***");
    }
}
