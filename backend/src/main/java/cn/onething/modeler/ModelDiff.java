package cn.onething.modeler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What changed between two versions of a model, element by element (by id): added, removed, and for the
 * others each attribute or setting that differs. The diagram's layout is not a change.
 */
final class ModelDiff {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("userTask", "用户任务"),
            Map.entry("serviceTask", "服务任务"), Map.entry("receiveTask", "接收任务"),
            Map.entry("callActivity", "调用活动"), Map.entry("sequenceFlow", "连线"),
            Map.entry("exclusiveGateway", "排他网关"), Map.entry("parallelGateway", "并行网关"),
            Map.entry("inclusiveGateway", "包容网关"), Map.entry("startEvent", "开始事件"),
            Map.entry("endEvent", "结束事件"), Map.entry("boundaryEvent", "边界事件"),
            Map.entry("intermediateCatchEvent", "中间事件"), Map.entry("subProcess", "子流程"));

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    // what a manager sets in the editor's panel, named as the panel names it
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "名称"),
            Map.entry("camunda:candidateGroups", "办理部门"), Map.entry("camunda:assignee", "办理人"),
            Map.entry("property:promisedDays", "承诺时限（工作日）"), Map.entry("property:fields", "表单字段"),
            Map.entry("property:bulkApprove", "允许批量通过"),
            Map.entry("property:materials", "所需材料"), Map.entry("timerEventDefinition[0].timeDate", "定时器"),
            Map.entry("timerEventDefinition[0].timeDuration", "定时器"),
            Map.entry("conditionExpression[0]", "条件"));

    private ModelDiff() {
    }

    public record ModelElement(String id, String kind, String name) {
    }

    /** An element in both versions, with what differs: "属性: 旧值 → 新值". */
    public record Changed(String id, String kind, String name, List<String> changes) {
    }

    public record Diff(List<ModelElement> added, List<ModelElement> removed, List<Changed> changed) {
    }

    /** How a setting's value reads to a manager (codes as names); null: the setting is not there. */
    interface Naming {
        String shown(String elementId, String setting, String value);
    }

    static Diff between(String fromXml, String toXml) {
        return between(fromXml, toXml, (id, setting, value) -> value);
    }

    static Diff between(String fromXml, String toXml, Naming naming) {
        Map<String, Element> from = flowElements(fromXml);
        Map<String, Element> to = flowElements(toXml);
        List<ModelElement> added = new ArrayList<>();
        List<ModelElement> removed = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        to.forEach((id, e) -> {
            if (!from.containsKey(id)) {
                added.add(describe(e));
            }
        });
        from.forEach((id, before) -> {
            Element after = to.get(id);
            if (after == null) {
                removed.add(describe(before));
                return;
            }
            Map<String, String> a = settings(before);
            Map<String, String> b = settings(after);
            List<String> changes = new ArrayList<>();
            new TreeMap<>(merge(a, b)).forEach((key, ignored) -> {
                if (!Objects.equals(a.get(key), b.get(key))) {
                    changes.add(LABELS.getOrDefault(key, key) + ": " + shown(naming.shown(id, key, a.get(key)))
                            + " → " + shown(naming.shown(id, key, b.get(key))));
                }
            });
            if (!changes.isEmpty()) {
                ModelElement d = describe(after);
                changed.add(new Changed(d.id(), d.kind(), d.name(), changes));
            }
        });
        return new Diff(added, removed, changed);
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    private static String shown(String value) {
        return value == null ? "（无）" : value;
    }

    private static ModelElement describe(Element e) {
        String kind = KINDS.getOrDefault(e.getLocalName(), e.getLocalName());
        return new ModelElement(e.getAttribute("id"), kind, e.hasAttribute("name") ? e.getAttribute("name") : null);
    }

    /** The elements of the process(es) and sub-processes, by id, without the diagram. */
    private static Map<String, Element> flowElements(String xml) {
        Map<String, Element> found = new LinkedHashMap<>();
        collect(parse(xml).getDocumentElement(), found);
        return found;
    }

    private static void collect(Element parent, Map<String, Element> found) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && BPMN.equals(e.getNamespaceURI())) {
                boolean container = e.getLocalName().equals("process") || e.getLocalName().equals("subProcess");
                if (KINDS.containsKey(e.getLocalName()) || e.getLocalName().endsWith("Task")) {
                    found.put(e.getAttribute("id"), e);
                }
                if (container) {
                    collect(e, found);
                }
            }
        }
    }

    /** An element's attributes and everything inside it except its links and nested flow elements. */
    private static Map<String, String> settings(Element e) {
        Map<String, String> settings = new LinkedHashMap<>();
        add(e, "", settings);
        return settings;
    }

    private static void add(Element e, String path, Map<String, String> settings) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!a.getNodeName().equals("id") && !a.getNodeName().startsWith("xmlns")) {
                settings.put(path + a.getNodeName(), a.getNodeValue());
            }
        }
        int index = 0;
        boolean hasChild = false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                hasChild = true;
                String name = child.getLocalName();
                if (name.equals("incoming") || name.equals("outgoing") || KINDS.containsKey(name)) {
                    continue;
                }
                if (name.equals("properties") && CAMUNDA.equals(child.getNamespaceURI())) {
                    // by name, not position: reordering the properties changes nothing
                    for (Node p = child.getFirstChild(); p != null; p = p.getNextSibling()) {
                        if (p instanceof Element property) {
                            settings.put("property:" + property.getAttribute("name"), property.getAttribute("value"));
                        }
                    }
                    continue;
                }
                add(child, path + name + "[" + index++ + "].", settings);
            }
        }
        if (!hasChild && !e.getTextContent().isBlank()) {
            settings.put(path.isEmpty() ? "text" : path.substring(0, path.length() - 1), e.getTextContent().strip());
        }
    }

    private static org.w3c.dom.Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("BPMN 无法解析：" + e.getMessage(), e);
        }
    }
}
