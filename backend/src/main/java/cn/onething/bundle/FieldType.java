package cn.onething.bundle;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a form field holds, and so which rule checks it. */
public enum FieldType {
    TEXT, ID_NUMBER, PHONE, DATE, SELECT, CREDIT_CODE, COMMITMENT;

    @JsonValue
    public String code() {
        return switch (this) {
            case TEXT -> "text";
            case ID_NUMBER -> "idNumber";
            case PHONE -> "phone";
            case DATE -> "date";
            case SELECT -> "select";
            // 统一社会信用代码 (GB 32100)
            case CREDIT_CODE -> "creditCode";
            // a signed commitment (告知承诺): the applicant ticks that they accept the field's text
            case COMMITMENT -> "commitment";
        };
    }
}
