package cn.onething.casefile;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** 办件编号 such as BIRTH-20261205-7K3M9Q: the bundle, the day, six characters none of which reads as another. */
@Component
class CaseNumbers {

    private static final char[] CHARS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** A number for a case filed on the day; another case may have drawn it already. */
    String draw(String bundleCode, LocalDate day) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(CHARS[random.nextInt(CHARS.length)]);
        }
        return bundleCode.toUpperCase() + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + suffix;
    }
}
