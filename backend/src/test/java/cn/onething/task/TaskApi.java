package cn.onething.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.CaseItems;

/** What the task tests do through the API again and again: find a task in an inbox, act on it, read the timeline. */
class TaskApi {

    private final Api api;

    TaskApi(Api api) {
        this.api = api;
    }

    /** The officer approves the item's open task, which must succeed. */
    void complete(String officer, String caseId, String item) {
        Api.Response r = api.post(officer, path(taskId(officer, caseId, item), "complete"), Map.of("decision", "approve"));
        assertThat(r.status()).as("%s approves %s: %s", officer, item, r.body()).isEqualTo(200);
    }

    /** An action that must succeed; its answer (the task's row). */
    JsonNode post(String user, String task, String action, Map<String, ?> body) {
        Api.Response r = api.post(user, path(task, action), new HashMap<>(body));
        assertThat(r.status()).as("%s %s: %s", user, action, r.body()).isEqualTo(200);
        return r.body();
    }

    static String path(String task, String action) {
        return "/api/tasks/" + task + "/" + action;
    }

    /** The item's task in the officer's open work, which must be there. */
    String taskId(String officer, String caseId, String item) {
        JsonNode row = row(officer, "open", caseId, item);
        assertThat(row).as("%s open for %s", item, officer).isNotNull();
        return row.get("id").asText();
    }

    /** The newest row of the case's item in one tab of the officer's inbox; null when there is none. */
    JsonNode row(String officer, String view, String caseId, String item) {
        JsonNode page = api.get(officer, "/api/tasks?view=" + view + "&size=200&sort=created&order=desc").body();
        for (JsonNode t : page.get("items")) {
            if (caseId.equals(t.get("caseId").asText()) && item.equals(t.get("itemCode").asText())) {
                return t;
            }
        }
        return null;
    }

    /** The types of the case's timeline entries, oldest first. */
    List<String> types(String caseId) {
        return CaseItems.texts(api.get("citizen1", "/api/cases/" + caseId).body().get("timeline").findValues("type"));
    }
}
