package cn.onething.bundle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bundle of the catalog (一件事), read from bpmn/bundles/{code}.yaml. The form is the bundle's
 * fields: each asked once, used by one or more items.
 */
public record Bundle(String code, String name, String description, String process, String applicant,
        int promisedDays, String leadDepartment, List<FormField> fields, List<MaterialSpec> materials,
        List<Item> items, List<InspectionSpec> inspections, List<LicenceSpec> licences) {

    public Bundle {
        description = description == null ? "" : description;
        // 牵头部门: answers for the bundle as a whole (a rating of the whole case); the first item's by default.
        leadDepartment = leadDepartment != null || items == null || items.isEmpty() ? leadDepartment
                : items.get(0).department();
        fields = fields == null ? List.of() : List.copyOf(fields);
        materials = materials == null ? List.of() : List.copyOf(materials);
        items = items == null ? List.of() : List.copyOf(items);
        inspections = inspections == null ? List.of() : List.copyOf(inspections);
        licences = licences == null ? List.of() : List.copyOf(licences);
    }

    /** The bundle's applicants: citizens (个人) or enterprises (企业). */
    public boolean forEnterprises() {
        return "enterprise".equals(applicant);
    }

    public Optional<InspectionSpec> inspection(String inspectionCode) {
        return inspections.stream().filter(i -> i.code().equals(inspectionCode)).findFirst();
    }

    /** The message a 补正 answer sends to the item's receive task: a convention every bundle model follows. */
    public static String supplementMessage(String itemCode) {
        return "supplement-" + itemCode;
    }

    /** The id of the receive task where an item waits for the applicant's 补正. */
    public static String supplementTask(String itemCode) {
        return itemCode + "Supplement";
    }

    public Optional<Item> item(String itemCode) {
        return items.stream().filter(i -> i.code().equals(itemCode)).findFirst();
    }

    public Optional<FormField> field(String fieldCode) {
        return fields.stream().filter(f -> f.code().equals(fieldCode)).findFirst();
    }

    public Optional<MaterialSpec> material(String materialCode) {
        return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }

    /** This bundle with its items as a version of its model has them (see ItemSettings). */
    public Bundle withItems(List<Item> modelled) {
        return new Bundle(code, name, description, process, applicant, promisedDays, leadDepartment, fields,
                materials, modelled, inspections, licences);
    }

    /** The fields the form asks: those some item needs, in the form's order. */
    public List<String> askedFields() {
        return fields.stream().map(FormField::code)
                .filter(code -> items.stream().anyMatch(i -> i.fields().contains(code))).toList();
    }

    /** The items that need a material: what makes it required. */
    public List<String> itemsNeeding(String materialCode) {
        return items.stream().filter(i -> i.materials().contains(materialCode)).map(Item::code).toList();
    }

    /**
     * One department's matter inside the bundle (事项), with its statutory limit (法定时限) and the shorter
     * one the platform promises (承诺时限), both in working days.
     */
    public record Item(String code, String name, String department, int statutoryDays, int promisedDays,
            List<String> dependsOn, List<String> fields, List<String> materials, Boolean commitment, Visit visit) {

        public Item {
            // 告知承诺: approved on the applicant's signed commitment by a service task, no officer in the loop.
            commitment = commitment != null && commitment;
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
            fields = fields == null ? List.of() : List.copyOf(fields);
            materials = materials == null ? List.of() : List.copyOf(materials);
        }
    }

    /**
     * A step the applicant does in person at the item's department (领取纸质证照, 窗口核验), booked from the
     * department's published capacity (统一预约) once the item is approved, or from submission on.
     */
    public record Visit(String purpose, VisitOpens opens) {

        public Visit {
            opens = opens == null ? VisitOpens.APPROVED : opens;
        }
    }

    public enum VisitOpens {
        SUBMITTED, APPROVED
    }

    /**
     * A form field; `prefill` names the profile claim that fills it; `text` is what the applicant reads
     * before answering (the wording of a commitment, 承诺书).
     */
    public record FormField(String code, String label, FieldType type, List<String> options, Boolean required,
            String prefill, String text) {

        public FormField {
            options = options == null ? List.of() : List.copyOf(options);
            required = required == null || required;
        }
    }

    /**
     * A material (材料): accepted content types and size. `licence` names a licence of the catalog: an
     * applicant who holds a valid one is not asked for the material again. `when` asks for it only given an
     * answer of the form (材料预判: twins, a birth outside the city).
     */
    public record MaterialSpec(String code, String name, List<String> accept, int maxSizeMb, String licence,
            Condition when) {

        public MaterialSpec {
            accept = accept == null ? List.of() : List.copyOf(accept);
        }

        /** Whether this form's answers call for the material. */
        public boolean appliesTo(Map<String, String> form) {
            if (when == null) {
                return true;
            }
            String answer = form.get(when.field());
            return answer != null && when.in().contains(answer);
        }
    }

    /** An answer of the form that calls for a material: the select `field` is one of `in`. */
    public record Condition(String field, List<String> in) {

        public Condition {
            in = in == null ? List.of() : List.copyOf(in);
        }
    }

    /**
     * A site inspection (联合踏勘 / 事后核查) run by the joint-inspection call activity whose id is the code:
     * the lead department proposes the visit, the others confirm, all record findings. The whole
     * inspection has its own limit; conditions give the enterprise `rectifyDays` to put things right. When every
     * department publishes site-inspection teams the enterprise may book the visit itself, at the place its
     * answer to `placeField` gives (a text field of the form).
     */
    public record InspectionSpec(String code, String name, String leadDepartment, List<String> departments,
            int limitDays, int rectifyDays, String placeField) {

        public InspectionSpec {
            departments = departments == null ? List.of() : List.copyOf(departments);
        }
    }

    /**
     * An electronic licence (电子证照) the bundle issues: its holder and scope come from form fields; a
     * 多证合一 licence lists the permits it `replaces`; `supervisor` is the department that supervises the
     * holder afterwards (审管联动) and must claim the licence within `claimDays` working days.
     */
    public record LicenceSpec(String code, String name, String department, int validYears, String holderField,
            String scopeField, List<String> replaces, String supervisor, int claimDays) {

        public LicenceSpec {
            replaces = replaces == null ? List.of() : List.copyOf(replaces);
        }
    }
}
