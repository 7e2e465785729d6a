package cn.onething.task;

import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;

/** The free text officers give with an action (reasons, notes, opinions): required or not, never too long. */
final class RequestText {

    private RequestText() {
    }

    static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(new FieldError(field, "required", message, field + " is required"));
        }
    }

    /** A required text of at most 500 characters, stripped. */
    static String reason(String value, String field, String message) {
        require(value, field, message);
        return optional(value, field, 500);
    }

    /** The text stripped, null when blank; refused when longer than `max`. */
    static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new InvalidRequestException(new FieldError(field, "maxLength", "不能超过 " + max + " 字",
                    "at most " + max + " characters"));
        }
        return value.strip();
    }
}
