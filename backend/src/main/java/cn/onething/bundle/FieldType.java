package cn.onething.bundle;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a form field holds, and so which rule checks it. */
public enum FieldType {
    TEXT, ID_NUMBER, PHONE, DATE, SELECT;

    @JsonValue
    public String code() {
        return switch (this) {
            case TEXT -> "text";
            case ID_NUMBER -> "idNumber";
            case PHONE -> "phone";
            case DATE -> "date";
            case SELECT -> "select";
        };
    }
}
