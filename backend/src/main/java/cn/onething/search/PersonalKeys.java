package cn.onething.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ID numbers and phones never enter the index as they are: a keyed hash (HMAC-SHA256) finds a full one, the
 * tail (last 4 or 6 characters) a partial one. Without the key the hashes cannot be tried against guesses.
 */
@Component
public class PersonalKeys {

    private final SecretKeySpec key;

    PersonalKeys(@Value("${onething.search.hash-key}") String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normal(value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a search for an ID number's tail matches: its last 4 and last 6 characters. */
    public List<String> tails(String idNumber) {
        String id = normal(idNumber);
        return id.length() < 8 ? List.of() : List.of("tail:" + id.substring(id.length() - 4),
                "tail:" + id.substring(id.length() - 6));
    }

    /** Whether a query is a whole ID number or phone, to be found through its hash. */
    public static boolean whole(String query) {
        return normal(query).matches("\\d{17}[\\dX]|1\\d{10}");
    }

    private static String normal(String value) {
        return value.strip().toUpperCase();
    }
}
