package cn.onething.web;

/** Masks personal data for lists and logs: 张*, 欧阳**, 1101**********123X, 138****0001. */
public final class Mask {

    private Mask() {
    }

    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int keep = name.length() >= 4 ? 2 : 1;
        return name.substring(0, keep) + "*".repeat(name.length() - keep);
    }

    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 7) + id.substring(id.length() - 3);
    }

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
