package cn.onething.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Checks one bundle entry on its own and against its BPMN model; lists every problem found. */
class CatalogCheck {

    private final Bundle bundle;
    private final Set<String> departments;
    private final PathMatchingResourcePatternResolver resources;
    private final String location;
    private final List<String> problems = new ArrayList<>();

    CatalogCheck(Bundle bundle, Set<String> departments, PathMatchingResourcePatternResolver resources,
            String location) {
        this.bundle = bundle;
        this.departments = departments;
        this.resources = resources;
        this.location = location;
    }

    List<String> problems() {
        require(bundle.code(), "code");
        require(bundle.name(), "name");
        require(bundle.process(), "process");
        if (bundle.promisedDays() <= 0) {
            problems.add("promisedDays must be a positive number of working days");
        }
        if (bundle.items().isEmpty()) {
            problems.add("a bundle needs at least one item");
        }
        if (bundle.leadDepartment() != null && !departments.contains(bundle.leadDepartment())) {
            problems.add("leadDepartment '" + bundle.leadDepartment() + "' is not a known department " + departments);
        }
        checkFields();
        checkMaterials();
        checkItems();
        checkInspections();
        checkLicences();
        if (problems.isEmpty()) {
            checkChains();
        }
        if (problems.isEmpty()) {
            checkModel();
        }
        return problems;
    }

    private void checkFields() {
        duplicates(bundle.fields(), Bundle.FormField::code, "field");
        for (Bundle.FormField f : bundle.fields()) {
            require(f.label(), "field '" + f.code() + "' label");
            if (f.type() == null) {
                problems.add("field '" + f.code() + "': type is missing (text, idNumber, phone, date, select)");
            } else if (f.type() == FieldType.SELECT && f.options().isEmpty()) {
                problems.add("field '" + f.code() + "': a select needs options");
            } else if (f.type() == FieldType.COMMITMENT && (f.text() == null || f.text().isBlank())) {
                problems.add("field '" + f.code() + "': a commitment needs the text the applicant signs");
            }
            if (bundle.items().stream().noneMatch(i -> i.fields().contains(f.code()))) {
                problems.add("field '" + f.code() + "' is used by no item");
            }
        }
    }

    private void checkMaterials() {
        duplicates(bundle.materials(), Bundle.MaterialSpec::code, "material");
        for (Bundle.MaterialSpec m : bundle.materials()) {
            require(m.name(), "material '" + m.code() + "' name");
            if (m.accept().isEmpty() || m.maxSizeMb() <= 0) {
                problems.add("material '" + m.code() + "': accept (content types) and maxSizeMb are required");
            }
            if (m.when() != null) {
                checkCondition(m);
            }
        }
    }

    /** A material asked for given an answer: of a select field the form asks, with answers it offers. */
    private void checkCondition(Bundle.MaterialSpec m) {
        String at = "material '" + m.code() + "' when";
        Bundle.FormField field = bundle.field(String.valueOf(m.when().field())).orElse(null);
        if (field == null || field.type() != FieldType.SELECT || !bundle.askedFields().contains(field.code())) {
            problems.add(at + ": field '" + m.when().field() + "' must be a select field some item asks");
        } else if (m.when().in().isEmpty() || !field.options().containsAll(m.when().in())) {
            problems.add(at + ": in " + m.when().in() + " must be some of the options " + field.options());
        }
    }

    private void checkItems() {
        duplicates(bundle.items(), Bundle.Item::code, "item");
        Set<String> itemCodes = bundle.items().stream().map(Bundle.Item::code).collect(Collectors.toSet());
        for (Bundle.Item item : bundle.items()) {
            String at = "item '" + item.code() + "'";
            require(item.name(), at + " name");
            if (!departments.contains(item.department())) {
                problems.add(at + ": department '" + item.department() + "' is not a known department "
                        + departments);
            }
            if (item.promisedDays() <= 0 || item.promisedDays() > bundle.promisedDays()) {
                problems.add(at + ": promisedDays must be between 1 and the bundle's " + bundle.promisedDays());
            }
            if (item.promisedDays() > item.statutoryDays()) {
                problems.add(at + ": promisedDays " + item.promisedDays() + " exceeds statutoryDays "
                        + item.statutoryDays() + " (承诺时限不得超过法定时限)");
            }
            item.dependsOn().stream().filter(d -> !itemCodes.contains(d))
                    .forEach(d -> problems.add(at + ": depends on unknown item '" + d + "'"));
            item.fields().stream().filter(f -> bundle.field(f).isEmpty())
                    .forEach(f -> problems.add(at + ": unknown field '" + f + "'"));
            item.materials().stream().filter(m -> bundle.material(m).isEmpty())
                    .forEach(m -> problems.add(at + ": unknown material '" + m + "'"));
            if (item.commitment() && item.fields().stream().map(bundle::field)
                    .noneMatch(f -> f.isPresent() && f.get().type() == FieldType.COMMITMENT)) {
                problems.add(at + ": a 告知承诺 item needs a field of type commitment (the signed commitment)");
            }
        }
    }

    private void checkInspections() {
        duplicates(bundle.inspections(), Bundle.InspectionSpec::code, "inspection");
        for (Bundle.InspectionSpec i : bundle.inspections()) {
            String at = "inspection '" + i.code() + "'";
            require(i.name(), at + " name");
            if (i.departments().isEmpty() || !i.departments().contains(i.leadDepartment())) {
                problems.add(at + ": departments must list the lead department '" + i.leadDepartment() + "'");
            }
            i.departments().stream().filter(d -> !departments.contains(d))
                    .forEach(d -> problems.add(at + ": department '" + d + "' is not a known department"));
            if (i.limitDays() <= 0 || i.rectifyDays() <= 0) {
                problems.add(at + ": limitDays and rectifyDays must be positive numbers of working days");
            }
            if (i.placeField() != null && bundle.field(i.placeField()).filter(f -> f.type() == FieldType.TEXT)
                    .isEmpty()) {
                problems.add(at + ": placeField '" + i.placeField() + "' must be a text field of the form");
            }
        }
    }

    private void checkLicences() {
        duplicates(bundle.licences(), Bundle.LicenceSpec::code, "licence");
        for (Bundle.LicenceSpec l : bundle.licences()) {
            String at = "licence '" + l.code() + "'";
            require(l.name(), at + " name");
            for (String d : java.util.Arrays.asList(l.department(), l.supervisor())) {
                if (d == null || !departments.contains(d)) {
                    problems.add(at + ": department and supervisor must be known departments, not '" + d + "'");
                }
            }
            if (l.validYears() <= 0 || l.claimDays() <= 0) {
                problems.add(at + ": validYears and claimDays must be positive");
            }
            for (String field : java.util.Arrays.asList(l.holderField(), l.scopeField())) {
                if (field == null || bundle.field(field).isEmpty()) {
                    problems.add(at + ": holderField and scopeField must be fields of the form, not '" + field + "'");
                }
            }
        }
    }

    /** Items that wait for others run after them: every chain of promised limits must fit the bundle's. */
    private void checkChains() {
        for (Bundle.Item item : bundle.items()) {
            int longest = longestChain(item, new HashSet<>());
            if (longest < 0) {
                problems.add("item '" + item.code() + "': dependsOn forms a cycle");
                return;
            }
            if (longest > bundle.promisedDays()) {
                problems.add("item '" + item.code() + "': with the items it waits for it takes " + longest
                        + " working days, more than the bundle's promisedDays " + bundle.promisedDays());
            }
        }
    }

    /** Promised days of the item plus its longest chain of prerequisites; -1 on a cycle. */
    private int longestChain(Bundle.Item item, Set<String> path) {
        if (!path.add(item.code())) {
            return -1;
        }
        int before = 0;
        for (String code : item.dependsOn()) {
            int chain = longestChain(bundle.item(code).orElseThrow(), path);
            if (chain < 0) {
                return -1;
            }
            before = Math.max(before, chain);
        }
        path.remove(item.code());
        return before + item.promisedDays();
    }

    private void checkModel() {
        String file = location + bundle.process() + ".bpmn";
        Resource resource = resources.getResource("classpath:" + file);
        if (!resource.exists()) {
            problems.add("process model " + file + " not found");
            return;
        }
        BpmnModelInstance model;
        try (InputStream in = resource.getInputStream()) {
            model = Bpmn.readModelFromStream(in);
        } catch (IOException | RuntimeException e) {
            problems.add(file + " cannot be read: " + e.getMessage());
            return;
        }
        checkModel(model, file);
    }

    /**
     * What the bundle's entry says of a model of its process that a manager edits before deploying: there an
     * item may move to another (known) department, which the catalog only gives by default.
     */
    List<String> modelProblems(BpmnModelInstance model, String file) {
        edited = true;
        checkModel(model, file);
        return problems;
    }

    private boolean edited;

    private void checkModel(BpmnModelInstance model, String file) {
        Process process = model.getModelElementById(bundle.process());
        if (process == null) {
            problems.add(file + " has no process with id '" + bundle.process() + "'");
            return;
        }
        Map<String, UserTask> userTasks = model.getModelElementsByType(UserTask.class).stream()
                .collect(Collectors.toMap(UserTask::getId, Function.identity()));
        for (Bundle.Item item : bundle.items().stream().filter(Bundle.Item::commitment).toList()) {
            if (!(model.getModelElementById(item.code()) instanceof ServiceTask task)
                    || !COMMITMENT_APPROVAL.equals(task.getCamundaExpression())) {
                problems.add("item '" + item.code() + "': " + file + " needs a service task '" + item.code()
                        + "' with camunda:expression=\"" + COMMITMENT_APPROVAL + "\" (告知承诺)");
            }
        }
        Map<String, CallActivity> inspections = model.getModelElementsByType(CallActivity.class).stream()
                .filter(c -> JOINT_INSPECTION.equals(c.getCalledElement()))
                .collect(Collectors.toMap(CallActivity::getId, Function.identity()));
        for (Bundle.InspectionSpec i : bundle.inspections()) {
            CallActivity call = inspections.get(i.code());
            if (call == null) {
                problems.add("inspection '" + i.code() + "': " + file + " needs a call activity '" + i.code()
                        + "' calling '" + JOINT_INSPECTION + "'");
            } else if (call.getExtensionElements() == null || call.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaIn.class).list().stream().noneMatch(in -> in.getCamundaBusinessKey() != null)) {
                problems.add("inspection '" + i.code() + "': its call activity must pass the case on"
                        + " (<camunda:in businessKey=\"#{execution.processBusinessKey}\" />)");
            }
        }
        inspections.keySet().stream().filter(id -> bundle.inspection(id).isEmpty()).forEach(id -> problems.add(
                file + ": call activity '" + id + "' runs a joint inspection the catalog does not describe"));
        for (Bundle.Item item : bundle.items().stream().filter(i -> !i.commitment()).toList()) {
            String at = "item '" + item.code() + "'";
            UserTask task = userTasks.get(item.code());
            if (task == null) {
                problems.add(at + ": " + file + " has no user task with id '" + item.code() + "'");
                continue;
            }
            ItemSettings.property(task, ItemSettings.PROMISED_DAYS).ifPresent(days -> {
                int n = ItemSettings.positive(days).orElse(0);
                if (n < 1 || n > item.statutoryDays()) {
                    problems.add(at + ": promisedDays '" + days + "' must be between 1 and the statutory "
                            + item.statutoryDays() + " working days (承诺时限不得超过法定时限)");
                }
            });
            if (!edited && !item.department().equals(task.getCamundaCandidateGroups())) {
                problems.add(at + ": user task candidate group is '" + task.getCamundaCandidateGroups()
                        + "', the catalog says '" + item.department() + "'");
            }
            checkTimeLimit(at, task);
            ReceiveTask supplement = model.getModelElementById(Bundle.supplementTask(item.code()));
            if (supplement == null || supplement.getMessage() == null
                    || !Bundle.supplementMessage(item.code()).equals(supplement.getMessage().getName())) {
                problems.add(at + ": " + file + " needs a receive task '" + Bundle.supplementTask(item.code())
                        + "' waiting for message '" + Bundle.supplementMessage(item.code()) + "' (补正)");
            }
            for (String before : item.dependsOn()) {
                UserTask prerequisite = userTasks.get(before);
                if (prerequisite != null && !reaches(prerequisite, task)) {
                    problems.add(at + ": depends on '" + before + "' but the model does not lead from it");
                }
            }
        }
        userTasks.keySet().stream().filter(id -> bundle.item(id).isEmpty())
                .forEach(id -> problems.add(file + ": user task '" + id + "' is not an item of the catalog"));
        checkItemNeeds(model);
    }

    /**
     * The fields and materials a model's items ask (`fields` / `materials` properties) are the bundle's, a
     * 告知承诺 item keeps its signed commitment, and what the licences print is still asked by some item.
     */
    private void checkItemNeeds(BpmnModelInstance model) {
        List<Bundle.Item> modelled = new ArrayList<>();
        for (Bundle.Item item : bundle.items()) {
            String at = "item '" + item.code() + "'";
            BaseElement element = model.getModelElementById(item.code()) instanceof BaseElement e ? e : null;
            ItemSettings.codes(element, ItemSettings.FIELDS).orElse(List.of()).stream()
                    .filter(code -> bundle.field(code).isEmpty()).forEach(code -> problems.add(at + ": 表单字段「"
                            + code + "」不是本一件事的字段 (unknown field in property fields)"));
            ItemSettings.codes(element, ItemSettings.MATERIALS).orElse(List.of()).stream()
                    .filter(code -> bundle.material(code).isEmpty()).forEach(code -> problems.add(at + ": 材料「"
                            + code + "」不是本一件事的材料 (unknown material in property materials)"));
            Bundle.Item asModelled = ItemSettings.apply(element, item);
            if (asModelled.commitment() && asModelled.fields().stream().map(bundle::field)
                    .noneMatch(f -> f.isPresent() && f.get().type() == FieldType.COMMITMENT)) {
                problems.add(at + ": 告知承诺事项须保留承诺书字段 (a commitment item keeps its commitment field)");
            }
            modelled.add(asModelled);
        }
        List<String> asked = bundle.withItems(modelled).askedFields();
        for (Bundle.LicenceSpec l : bundle.licences()) {
            for (String field : List.of(l.holderField(), l.scopeField())) {
                if (!asked.contains(field)) {
                    problems.add("licence '" + l.code() + "': 证照「" + l.name() + "」所需的字段「" + bundle.field(field)
                            .map(Bundle.FormField::label).orElse(field) + "」须由至少一个事项填写");
                }
            }
        }
    }

    /**
     * Every item's task runs against its working-day limit: due and warning dates from the calendar, and
     * the two timers that warn and escalate (see bpmn/birth.bpmn for the four lines to copy).
     */
    private void checkTimeLimit(String at, UserTask task) {
        if (!DUE_DATE.equals(task.getCamundaDueDate()) || !FOLLOW_UP_DATE.equals(task.getCamundaFollowUpDate())) {
            problems.add(at + ": user task needs camunda:dueDate=\"" + DUE_DATE + "\" and camunda:followUpDate=\""
                    + FOLLOW_UP_DATE + "\" (期限由工作日历计算)");
        }
        Set<String> timeouts = task.getExtensionElements() == null ? Set.of()
                : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                        .filter(l -> "timeout".equals(l.getCamundaEvent()) && !l.getTimeouts().isEmpty())
                        .map(CamundaTaskListener::getCamundaDelegateExpression).collect(Collectors.toSet());
        for (String listener : List.of(WARNING_LISTENER, ESCALATION_LISTENER)) {
            if (!timeouts.contains(listener)) {
                problems.add(at + ": user task needs a timeout task listener " + listener + " with a timer"
                        + " (预警 / 超期督办)");
            }
        }
    }

    static final String COMMITMENT_APPROVAL = "${commitments.approve(execution)}";
    static final String JOINT_INSPECTION = "jointInspection";
    static final String DUE_DATE = "${deadlines.due(execution)}";
    static final String FOLLOW_UP_DATE = "${deadlines.warnAt(execution)}";
    static final String WARNING_LISTENER = "${deadlineWarning}";
    static final String ESCALATION_LISTENER = "${deadlineEscalation}";

    private static boolean reaches(FlowNode from, FlowNode to) {
        Deque<FlowNode> todo = new ArrayDeque<>(from.getSucceedingNodes().list());
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (node.getId().equals(to.getId())) {
                return true;
            }
            if (seen.add(node.getId())) {
                todo.addAll(node.getSucceedingNodes().list());
            }
        }
        return false;
    }

    private <T> void duplicates(Collection<T> entries, Function<T, String> code, String kind) {
        Set<String> seen = new HashSet<>();
        for (T entry : entries) {
            String c = code.apply(entry);
            if (c == null || c.isBlank()) {
                problems.add("a " + kind + " without a code");
            } else if (!seen.add(c)) {
                problems.add(kind + " code '" + c + "' appears twice");
            }
        }
    }

    private void require(String value, String what) {
        if (value == null || value.isBlank()) {
            problems.add(what + " is missing");
        }
    }
}
