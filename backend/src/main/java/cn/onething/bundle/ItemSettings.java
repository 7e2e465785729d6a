package cn.onething.bundle;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a version of a model says of an item, over the catalog's defaults: its department is the task's
 * candidate group, its promised working days the task's `promisedDays` property, the form fields and
 * materials it needs the `fields` and `materials` properties (codes of the bundle's pools, comma-separated;
 * absent: the catalog's). A manager changes them in the modeler; cases keep the version they started on.
 */
public final class ItemSettings {

    /** The extension property of an item's user task with its promised working days (承诺时限). */
    public static final String PROMISED_DAYS = "promisedDays";
    /** The extension property with the codes of the form fields an item needs. */
    public static final String FIELDS = "fields";
    /** The extension property with the codes of the materials an item needs. */
    public static final String MATERIALS = "materials";
    /** The extension property allowing officers to approve the step for many cases at once (批量通过). */
    public static final String BULK_APPROVE = "bulkApprove";

    private ItemSettings() {
    }

    public static int promisedDays(BaseElement task, Bundle.Item item) {
        return property(task, PROMISED_DAYS).flatMap(ItemSettings::positive).orElse(item.promisedDays());
    }

    public static String department(BaseElement task, Bundle.Item item) {
        String groups = task instanceof UserTask u ? u.getCamundaCandidateGroups() : null;
        return groups == null || groups.isBlank() || groups.contains("{") || groups.contains(",") ? item.department()
                : groups.strip();
    }

    public static boolean bulkApprove(BaseElement task) {
        return property(task, BULK_APPROVE).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    /** The item as this version of the model has it. */
    public static Bundle.Item apply(BaseElement task, Bundle.Item item) {
        return new Bundle.Item(item.code(), item.name(), department(task, item), item.statutoryDays(),
                promisedDays(task, item), item.dependsOn(), codes(task, FIELDS).orElse(item.fields()),
                codes(task, MATERIALS).orElse(item.materials()), item.commitment(), item.visit());
    }

    /** The codes a list property names, in the order written; empty when it is written empty. */
    public static Optional<List<String>> codes(BaseElement task, String name) {
        return property(task, name).map(value -> Arrays.stream(value.split(",")).map(String::strip)
                .filter(code -> !code.isEmpty()).distinct().toList());
    }

    /** The property's value as written, for checking it. */
    public static Optional<String> property(BaseElement task, String name) {
        if (task == null || task.getExtensionElements() == null) {
            return Optional.empty();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst();
    }

    static Optional<Integer> positive(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
