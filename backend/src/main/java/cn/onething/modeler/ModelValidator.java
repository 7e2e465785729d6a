package cn.onething.modeler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.springframework.stereotype.Component;

import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.Department;

/**
 * Checks a model before it goes live, as the engine would not: it parses, it is executable with a history
 * time to live, every user task has a known department, the bundle's catalog and the model agree, parallel
 * splits are joined, nothing is a dead end or unreachable, timers are valid and expressions name only
 * beans the platform has.
 */
@Component
public class ModelValidator {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** An identifier used as an object: a bean (or one of the engine's own) when it stands first. */
    private static final Pattern OBJECT = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.");
    private static final Pattern ITEM_MESSAGE = Pattern.compile("^(?:item|user task|inspection) '([^']+)'");
    /** What the engine itself offers to expressions, besides the application's beans. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "authenticatedUserId");

    private final BundleCatalog catalog;
    private final Predicate<String> isBean;

    @Autowired
    ModelValidator(BundleCatalog catalog, ApplicationContext beans) {
        this(catalog, beans::containsBean);
    }

    ModelValidator(BundleCatalog catalog, Predicate<String> isBean) {
        this.catalog = catalog;
        this.isBean = isBean;
    }

    public List<ModelProblem> validate(String xml) {
        List<ModelProblem> problems = new ArrayList<>();
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Bpmn.validateModel(model);
        } catch (RuntimeException e) {
            problems.add(ModelProblem.error(null, "parse", "模型无法解析：" + rootMessage(e)));
            return problems;
        }
        List<Process> executable = model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable).toList();
        if (executable.size() != 1) {
            problems.add(ModelProblem.error(null, "executable", "模型须恰好包含一个可执行流程，现有 " + executable.size() + " 个"));
            return problems;
        }
        Process process = executable.get(0);
        if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
            problems.add(ModelProblem.error(process.getId(), "historyTimeToLive",
                    "流程未设置历史保留期限（historyTimeToLive），例如 P180D"));
        }
        checkDepartments(model, problems);
        checkFlow(model, problems);
        checkTimers(model, problems);
        checkExpressions(model, problems);
        for (String p : catalog.modelProblems(process.getId(), model)) {
            Matcher item = ITEM_MESSAGE.matcher(p);
            problems.add(ModelProblem.error(item.find() && model.getModelElementById(item.group(1)) != null
                    ? item.group(1) : process.getId(), "catalog", "与办事目录不一致：" + p));
        }
        return problems;
    }

    private void checkDepartments(BpmnModelInstance model, List<ModelProblem> problems) {
        Set<String> groups = new HashSet<>(Set.of("manager"));
        for (Department d : catalog.departments()) {
            groups.add(d.code());
            groups.add(d.code() + ":lead");
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String candidates = task.getCamundaCandidateGroups();
            if ((candidates == null || candidates.isBlank()) && task.getCamundaAssignee() == null) {
                problems.add(ModelProblem.error(task.getId(), "department", name(task) + "：未指定办理部门"));
            } else if (candidates != null && !candidates.contains("{")) {
                for (String group : candidates.split(",")) {
                    if (!groups.contains(group.strip())) {
                        problems.add(ModelProblem.error(task.getId(), "department",
                                name(task) + "：办理部门「" + group.strip() + "」不是已知部门"));
                    }
                }
            }
            if (task.getCamundaDueDate() == null) {
                problems.add(ModelProblem.warning(task.getId(), "deadline", name(task) + "：未设置办理期限（camunda:dueDate）"));
            }
        }
    }

    /** Every node leads on unless it ends, is reached from a start, and every parallel split is joined. */
    private void checkFlow(BpmnModelInstance model, List<ModelProblem> problems) {
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        Set<String> reached = new HashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>(model.getModelElementsByType(StartEvent.class));
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (reached.add(node.getId())) {
                todo.addAll(node.getSucceedingNodes().list());
                model.getModelElementsByType(BoundaryEvent.class).stream()
                        .filter(b -> b.getAttachedTo() != null && b.getAttachedTo().getId().equals(node.getId()))
                        .forEach(todo::add);
            }
        }
        for (FlowNode node : nodes) {
            if (!(node instanceof EndEvent) && node.getOutgoing().isEmpty()) {
                problems.add(ModelProblem.error(node.getId(), "deadEnd", name(node) + "：没有后续连线，流程会停在这里"));
            }
            if (!reached.contains(node.getId())) {
                problems.add(ModelProblem.error(node.getId(), "unreachable", name(node) + "：从开始事件无法到达"));
            }
            if (node instanceof ParallelGateway split && split.getOutgoing().size() > 1 && !reachesJoin(split)) {
                problems.add(ModelProblem.error(node.getId(), "unbalanced",
                        name(node) + "：并行分支没有对应的并行汇聚网关"));
            }
        }
    }

    private static boolean reachesJoin(ParallelGateway split) {
        Deque<FlowNode> todo = new ArrayDeque<>(split.getSucceedingNodes().list());
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (node instanceof ParallelGateway join && join.getIncoming().size() > 1) {
                return true;
            }
            if (seen.add(node.getId())) {
                todo.addAll(node.getSucceedingNodes().list());
            }
        }
        return false;
    }

    private void checkTimers(BpmnModelInstance model, List<ModelProblem> problems) {
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            String owner = ownerId(timer);
            List<String> given = new ArrayList<>();
            if (timer.getTimeDate() != null) {
                given.add("date:" + timer.getTimeDate().getTextContent().strip());
            }
            if (timer.getTimeDuration() != null) {
                given.add("duration:" + timer.getTimeDuration().getTextContent().strip());
            }
            if (timer.getTimeCycle() != null) {
                given.add("cycle:" + timer.getTimeCycle().getTextContent().strip());
            }
            if (given.size() != 1 || given.get(0).endsWith(":")) {
                problems.add(ModelProblem.error(owner, "timer", "定时器须且只能设置一个时间（日期、时长或周期）"));
            } else if (!validTime(given.get(0))) {
                problems.add(ModelProblem.error(owner, "timer", "定时器的时间无效：" + given.get(0).substring(
                        given.get(0).indexOf(':') + 1) + "（日期用 ISO 8601，如 2026-12-01T09:00:00+08:00；时长如 P5D、PT2H）"));
            }
        }
    }

    private static boolean validTime(String kindAndValue) {
        String value = kindAndValue.substring(kindAndValue.indexOf(':') + 1);
        if (EXPRESSION.matcher(value).find()) {
            return true;
        }
        try {
            if (kindAndValue.startsWith("date:")) {
                OffsetDateTime.parse(value);
            } else if (kindAndValue.startsWith("duration:")) {
                if (value.contains("T")) {
                    Duration.parse(value);
                } else {
                    Period.parse(value);
                }
            } else if (!value.matches("R\\d*/.+")) {
                return false;
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Every `${…}` in an attribute or text of the model: the objects it calls must be beans. */
    private void checkExpressions(BpmnModelInstance model, List<ModelProblem> problems) {
        Node root = model.getDocument().getDomSource().getNode();
        Deque<Element> todo = new ArrayDeque<>();
        todo.push(root instanceof Document d ? d.getDocumentElement() : (Element) root);
        Set<String> reported = new HashSet<>();
        while (!todo.isEmpty()) {
            Element element = todo.pop();
            List<String> texts = new ArrayList<>();
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node a = attributes.item(i);
                texts.add((a.getLocalName() == null ? a.getNodeName() : a.getLocalName()) + "=" + a.getNodeValue());
            }
            boolean leaf = true;
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    todo.push(e);
                    leaf = false;
                }
            }
            if (leaf) {
                texts.add("text=" + element.getTextContent());
            }
            for (String text : texts) {
                for (String name : calledObjects(text)) {
                    String owner = ownerId(model, element);
                    if (!ENGINE_OBJECTS.contains(name) && !isBean.test(name) && reported.add(owner + name)) {
                        problems.add(ModelProblem.error(owner, "expression",
                                "表达式引用了平台没有的组件「" + name + "」：" + text.substring(text.indexOf('=') + 1)));
                    }
                }
            }
        }
    }

    /** The objects an attribute's or text's expressions call: `${a.b(…)}` calls a, a delegateExpression `${a}` too. */
    private static List<String> calledObjects(String text) {
        List<String> objects = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = QUOTED.matcher(expression.group(1)).replaceAll("''");
            Matcher object = OBJECT.matcher(body);
            while (object.find()) {
                objects.add(object.group(1));
            }
            if (text.startsWith("delegateExpression=") && body.strip().matches("[A-Za-z_]\\w*")) {
                objects.add(body.strip());
            }
        }
        return objects;
    }

    /** The flow element (or process) an element of the model belongs to: where the editor shows its problem. */
    private static String ownerId(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof FlowElement || e instanceof Process) {
                return e.getAttributeValue("id");
            }
        }
        return null;
    }

    /** The same for a node of the XML. */
    private static String ownerId(BpmnModelInstance model, Node node) {
        for (Node n = node; n instanceof Element e; n = n.getParentNode()) {
            ModelElementInstance found = e.hasAttribute("id") ? model.getModelElementById(e.getAttribute("id")) : null;
            if (found instanceof FlowElement || found instanceof Process) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    private static String name(FlowNode node) {
        return node.getName() == null || node.getName().isBlank() ? node.getId() : "「" + node.getName() + "」";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }
}
