package cn.onething.search;

import java.util.Arrays;
import java.util.Optional;

/** What the search finds: cases (办件), tasks (待办), ratings (评价) and licences (证照). */
public enum SearchDocType {
    CASE("case", "办件"), TASK("task", "待办"), RATING("rating", "评价"), LICENCE("licence", "证照");

    private final String code;
    private final String label;

    SearchDocType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<SearchDocType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
