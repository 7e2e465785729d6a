package cn.onething.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A department's decision on an item; the value is what the BPMN gateway tests. */
public enum Decision {
    APPROVE("approve", ItemStatus.APPROVED, "通过"),
    REJECT("reject", ItemStatus.REJECTED, "不予办理"),
    RETURN("return", ItemStatus.SUPPLEMENT, "退回补正");

    private final String value;
    private final ItemStatus result;
    private final String label;

    Decision(String value, ItemStatus result, String label) {
        this.value = value;
        this.result = result;
        this.label = label;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public ItemStatus result() {
        return result;
    }

    public String label() {
        return label;
    }

    /** The process variable the item's gateway reads. */
    public static String variableFor(String itemCode) {
        return itemCode + "Decision";
    }

    @JsonCreator
    public static Decision of(String value) {
        for (Decision d : values()) {
            if (d.value.equals(value)) {
                return d;
            }
        }
        return null;
    }
}
