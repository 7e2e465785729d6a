package cn.onething.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading cases and problems out of API answers. */
public final class CaseItems {

    private CaseItems() {
    }

    public static Map<String, String> statuses(JsonNode caseFile) {
        Map<String, String> statuses = new LinkedHashMap<>();
        caseFile.get("items").forEach(i -> statuses.put(i.get("code").asText(), i.get("status").asText()));
        return statuses;
    }

    public static Map<String, String> rules(JsonNode problem) {
        Map<String, String> rules = new LinkedHashMap<>();
        problem.get("errors").forEach(e -> rules.put(e.get("field").asText(), e.get("rule").asText()));
        return rules;
    }

    public static JsonNode find(JsonNode array, String code) {
        return find(array, code, "code");
    }

    public static JsonNode find(JsonNode array, String value, String property) {
        for (JsonNode n : array) {
            if (n.get(property).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError(property + " " + value + " not in " + array);
    }

    public static List<String> codes(JsonNode array) {
        return texts(array.findValues("code"));
    }

    public static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }
}
