package cn.onething.web;

import java.util.regex.Pattern;

/**
 * Text a person types — names, addresses, reasons, comments — holds no HTML markup and no SQL
 * statement fragments. Queries are parameterized and the web app escapes what it shows, so these
 * would do no harm here; they are refused at the door so that nothing downstream (exports, other
 * departments' systems, printed licences) ever receives them, as 等保 testing expects.
 */
public final class PlainText {

    /** A tag, a comment or a declaration: "<" directly followed by a letter, "/", "!" or "?". */
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!?]|javascript\\s*:", Pattern.CASE_INSENSITIVE);

    /** The shapes of classic injection, not single SQL words: 「update」 or an apostrophe stays allowed. */
    private static final Pattern SQL = Pattern.compile(String.join("|",
            "'\\s*(or|and)\\s+[^\\s]+\\s*(=|like\\b)",
            "'\\s*(--|#|/\\*)",
            ";\\s*(drop|delete|insert|update|truncate|alter|create|exec|grant)\\s",
            "\\bunion\\s+(all\\s+)?select\\b",
            "\\b(pg_sleep|sleep|benchmark|waitfor\\s+delay)\\s*\\("), Pattern.CASE_INSENSITIVE);

    private PlainText() {
    }

    /** The rule the text breaks, or null when it is plain text. */
    public static String violation(String text) {
        if (MARKUP.matcher(text).find()) {
            return "noMarkup";
        }
        if (SQL.matcher(text).find()) {
            return "noSql";
        }
        return null;
    }

    public static FieldError error(String field, String rule) {
        // shown next to the field's input, so the message need not name it
        return "noMarkup".equals(rule)
                ? new FieldError(field, rule, "不能包含 HTML 标记或脚本（如 <script>）", field + " must not contain HTML markup or script")
                : new FieldError(field, rule, "不能包含 SQL 语句片段（如 ' OR 1=1、; DROP TABLE）",
                        field + " must not contain SQL statement fragments");
    }
}
