package cn.onething.rating;

/** The five levels of 国办发〔2019〕51号; the bottom two are 差评. */
public enum RatingLevel {
    VERY_DISSATISFIED(1, "非常不满意"), DISSATISFIED(2, "不满意"), BASIC(3, "基本满意"), SATISFIED(4, "满意"),
    VERY_SATISFIED(5, "非常满意");

    final int value;
    final String label;

    RatingLevel(int value, String label) {
        this.value = value;
        this.label = label;
    }

    static boolean bad(int level) {
        return level <= DISSATISFIED.value;
    }

    /** The label users read (also in search). */
    public static String label(int level) {
        return values()[level - 1].label;
    }
}
