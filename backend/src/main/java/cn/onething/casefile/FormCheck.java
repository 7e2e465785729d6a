package cn.onething.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundle.FormField;
import cn.onething.bundle.Bundle.MaterialSpec;
import cn.onething.casefile.MaterialStore.StoredMaterial;
import cn.onething.web.FieldError;

/**
 * Checks a form and its materials against a bundle and lists every problem at once (一次性告知):
 * what is missing, what breaks a rule, what was not asked for.
 */
class FormCheck {

    static final int MAX_TEXT = 200;
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private final Bundle bundle;
    private final LocalDate today;
    private final List<FieldError> errors = new ArrayList<>();

    FormCheck(Bundle bundle, LocalDate today) {
        this.bundle = bundle;
        this.today = today;
    }

    /**
     * @param askedFields    the fields this request must answer (the whole form, or what a 补正 asked for)
     * @param askedMaterials likewise for materials
     * @param uploads        the applicant's uploaded materials found for the given ids
     */
    List<FieldError> check(Map<String, String> form, Map<String, String> materials, Collection<String> askedFields,
            Collection<String> askedMaterials, Map<String, StoredMaterial> uploads, String ownerId) {
        form.keySet().stream().filter(code -> !askedFields.contains(code)).sorted()
                .forEach(code -> error(code, "notAsked", "不需要填写此项", "field is not part of this request"));
        materials.keySet().stream().filter(code -> !askedMaterials.contains(code)).sorted()
                .forEach(code -> error(code, "notAsked", "不需要提交此材料", "material is not part of this request"));
        for (String code : askedFields) {
            FormField field = bundle.field(code).orElseThrow();
            String value = form.get(code);
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    error(code, "required", "请填写" + field.label(), field.label() + " is required");
                }
            } else {
                checkValue(field, value.strip());
            }
        }
        Map<String, MaterialSpec> byContent = new HashMap<>();
        for (String code : askedMaterials) {
            MaterialSpec spec = bundle.material(code).orElseThrow();
            String id = materials.get(code);
            if (id == null || id.isBlank()) {
                error(code, "required", "请上传" + spec.name(), spec.name() + " is required");
                continue;
            }
            StoredMaterial upload = uploads.get(id);
            if (upload == null || !upload.ownerId().equals(ownerId)) {
                error(code, "notFound", spec.name() + "的文件不存在，请重新上传", "uploaded file not found");
            } else if (!spec.accept().contains(upload.contentType())) {
                error(code, "contentType", spec.name() + "只能是 " + String.join("、", spec.accept()),
                        "content type must be one of " + spec.accept());
            } else if (upload.size() > spec.maxSizeMb() * 1024L * 1024L) {
                error(code, "maxSize", spec.name() + "不能超过 " + spec.maxSizeMb() + " MB",
                        "must not exceed " + spec.maxSizeMb() + " MB");
            } else {
                // one scan chosen twice: one of the two materials is surely missing
                MaterialSpec same = byContent.putIfAbsent(upload.sha256(), spec);
                if (same != null) {
                    error(code, "duplicate", spec.name() + "与「" + same.name() + "」是同一个文件，请上传" + spec.name(),
                            "the same file as " + same.code());
                }
            }
        }
        return errors;
    }

    private void checkValue(FormField field, String value) {
        String code = field.code();
        String label = field.label();
        if (value.length() > MAX_TEXT) {
            error(code, "maxLength", label + "不能超过 " + MAX_TEXT + " 个字", "at most " + MAX_TEXT + " characters");
            return;
        }
        switch (field.type()) {
            case ID_NUMBER -> {
                IdNumber.Problem problem = IdNumber.check(value, today);
                if (problem != null) {
                    error(code, "idNumber", label + problem.zh, label + " " + problem.en);
                }
            }
            case PHONE -> {
                if (!MOBILE.matcher(value).matches() && !LANDLINE.matcher(value).matches()) {
                    error(code, "phone", label + "应为 11 位手机号或带区号的固定电话",
                            "must be an 11-digit mobile or a landline with area code");
                }
            }
            case DATE -> {
                try {
                    if (LocalDate.parse(value).isAfter(today)) {
                        error(code, "pastDate", label + "不能晚于今天", "must not be in the future");
                    }
                } catch (DateTimeParseException e) {
                    error(code, "date", label + "应为日期，格式 YYYY-MM-DD", "must be a date YYYY-MM-DD");
                }
            }
            case SELECT -> {
                if (!field.options().contains(value)) {
                    error(code, "oneOf", label + "只能选择：" + String.join("、", field.options()),
                            "must be one of " + field.options());
                }
            }
            case CREDIT_CODE -> {
                if (!CreditCode.valid(value)) {
                    error(code, "creditCode", label + "应为 18 位统一社会信用代码（校验位不符或含非法字符）",
                            label + " must be an 18-character unified social credit code (GB 32100)");
                }
            }
            case COMMITMENT -> {
                if (!"true".equals(value)) {
                    error(code, "commitment", "请阅读并勾选" + label, label + " must be accepted (true)");
                }
            }
            case TEXT -> {
                // length checked above
            }
        }
    }

    private void error(String field, String rule, String zh, String en) {
        errors.add(new FieldError(field, rule, zh, en));
    }
}
