package cn.onething.casefile;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Mainland resident ID number (GB 11643-1999): 18 characters, a real birth date, the check digit. */
final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private IdNumber() {
    }

    /** Why the number is wrong, or null when it is right. */
    static Problem check(String value, LocalDate today) {
        if (value == null || !value.matches("[1-9]\\d{16}[\\dXx]")) {
            return Problem.FORMAT;
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return Problem.BIRTH_DATE;
        }
        if (birth.isAfter(today) || birth.getYear() < 1900) {
            return Problem.BIRTH_DATE;
        }
        return checkDigit(value.substring(0, 17)) == Character.toUpperCase(value.charAt(17)) ? null
                : Problem.CHECK_DIGIT;
    }

    static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    enum Problem {
        FORMAT("应为 18 位，前 17 位为数字，最后一位为数字或 X", "must be 18 characters: 17 digits and a digit or X"),
        BIRTH_DATE("其中的出生日期不存在或晚于今天", "contains a birth date that does not exist or is in the future"),
        CHECK_DIGIT("校验码不正确，请核对", "check digit does not match (GB 11643)");

        final String zh;
        final String en;

        Problem(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }
}
