package cn.onething.bundle;

import java.util.Optional;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a version of a model says of an item, over the catalog's defaults: its department is the task's
 * candidate group, its promised working days the task's `promisedDays` property. A manager changes both in
 * the modeler; cases keep the version they started on.
 */
public final class ItemSettings {

    /** The extension property of an item's user task with its promised working days (承诺时限). */
    public static final String PROMISED_DAYS = "promisedDays";

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
