package cn.onething.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.PlatformTest;

/** The inbox's tabs, filters, counts and saved views. */
@PlatformTest
class InboxViewsApiTest {

    @Autowired
    Api api;

    @Test
    void eachTabShowsItsOwnTasksAndTheCountsAgree() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        String task = find("officer-medicare", "unclaimed", caseId, "maternityBenefit").get("id").asText();
        JsonNode before = api.get("officer-medicare", "/api/tasks/counts").body();
        assertThat(api.post("officer-medicare", "/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(200);

        assertThat(find("officer-medicare", "mine", caseId, "maternityBenefit")).isNotNull();
        assertThat(find("officer-medicare", "unclaimed", caseId, "maternityBenefit")).isNull();
        assertThat(find("officer-medicare", "unclaimed", caseId, "medicalInsurance")).as("not yet started").isNull();
        JsonNode after = api.get("officer-medicare", "/api/tasks/counts").body();
        assertThat(after.get("mine").asLong()).isEqualTo(before.get("mine").asLong() + 1);
        assertThat(after.get("unclaimed").asLong()).isEqualTo(before.get("unclaimed").asLong() - 1);
        assertThat(after.get("department").isNull()).as("not a lead").isTrue();
        for (String tab : List.of("mine", "unclaimed", "cc", "done")) {
            assertThat(api.get("officer-medicare", "/api/tasks?view=" + tab).body().get("total").asLong())
                    .as(tab).isEqualTo(after.get(tab).asLong());
        }

        assertThat(api.get("officer-medicare", "/api/tasks?view=department").status()).isEqualTo(403);
        assertThat(find("lead-medicare", "department", caseId, "maternityBenefit").get("assignee").asText())
                .isEqualTo("officer-medicare");
        assertThat(api.get("lead-medicare", "/api/tasks/counts").body().get("department").asLong()).isPositive();
        assertThat(api.get("officer-police", "/api/tasks?view=department").status()).isEqualTo(403);
        assertThat(find("officer-police", "open", caseId, "maternityBenefit")).isNull();
    }

    @Test
    void aLeadSeesTheWorkOfTheSubDepartments() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        String task = find("officer-hospital", "unclaimed", caseId, "birthCertificate").get("id").asText();
        assertThat(api.post("officer-hospital", "/api/tasks/" + task + "/transfer",
                Map.of("department", "health-chengguan", "reason", "由城关镇卫生院代办")).status()).isEqualTo(200);

        assertThat(find("officer-chengguan", "unclaimed", caseId, "birthCertificate")).isNotNull();
        assertThat(find("officer-xinzhuang", "unclaimed", caseId, "birthCertificate")).isNull();
        assertThat(find("officer-health", "unclaimed", caseId, "birthCertificate")).as("not a lead").isNull();
        assertThat(find("lead-health", "department", caseId, "birthCertificate")).isNotNull();
        assertThat(api.get("lead-health", "/api/tasks/" + task).status()).isEqualTo(200);
        assertThat(api.get("officer-xinzhuang", "/api/tasks/" + task).status()).isEqualTo(403);
    }

    @Test
    void filtersNarrowTheTabAndBadOnesAreRefused() {
        String caseId = BirthApplication.submit(api, "citizen2").get("id").asText();
        assertThat(find("officer-cdc", "unclaimed&bundle=birth&item=vaccination", caseId, "vaccination")).isNotNull();
        assertThat(find("officer-cdc", "unclaimed&item=birthCertificate", caseId, "vaccination")).isNull();
        assertThat(find("officer-cdc", "unclaimed&status=UNCLAIMED", caseId, "vaccination")).isNotNull();
        assertThat(find("officer-cdc", "unclaimed&light=RED", caseId, "vaccination")).as("not overdue").isNull();
        assertThat(find("officer-cdc", "unclaimed&status=DELEGATED", caseId, "vaccination")).isNull();
        assertThat(find("officer-cdc", "unclaimed&applicant=" + applicantName(caseId), caseId, "vaccination"))
                .isNotNull();
        assertThat(find("officer-cdc", "unclaimed&applicant=无此人", caseId, "vaccination")).isNull();
        JsonNode row = find("officer-cdc", "unclaimed", caseId, "vaccination");
        String due = row.get("dueDate").asText();
        assertThat(find("officer-cdc", "unclaimed&dueFrom=" + due + "&dueTo=" + due, caseId, "vaccination"))
                .isNotNull();
        assertThat(find("officer-cdc", "unclaimed&dueTo=2000-01-01", caseId, "vaccination")).isNull();
        assertThat(find("officer-cdc", "unclaimed&receivedFrom=2000-01-01", caseId, "vaccination")).isNotNull();
        assertThat(row.get("bulkApprove").asBoolean()).as("the model allows it for 预防接种证").isTrue();

        for (String[] bad : new String[][] {{"status=LOST", "status"}, {"bundle=nothing", "bundle"},
                {"dueFrom=2026-12-01&dueTo=2026-11-01", "dueTo"}, {"light=PURPLE", "light"},
                {"view=everything", "view"}}) {
            Api.Response r = api.get("officer-cdc", "/api/tasks?" + bad[0]);
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(r.body().toString()).as(bad[0]).contains(bad[1]);
        }
    }

    @Test
    void savedViewsArePersonalOrSharedWithTheDepartment() {
        BirthApplication.submit(api, "citizen1");
        Api.Response mine = api.post("officer-cdc", "/api/task-views", Map.of("name", "预防接种证", "view", "unclaimed",
                "filters", Map.of("item", "vaccination"), "sort", "due", "order", "ASC"));
        assertThat(mine.status()).as("%s", mine.body()).isEqualTo(201);
        assertThat(mine.body().get("count").asLong()).isPositive();
        assertThat(mine.body().get("filters").get("item").asText()).isEqualTo("vaccination");
        assertThat(api.post("officer-cdc", "/api/task-views", Map.of("name", "共享", "view", "unclaimed",
                "shared", true)).status()).as("only a lead shares").isEqualTo(403);
        assertThat(CaseItems.rules(api.post("officer-cdc", "/api/task-views", Map.of("name", "", "view", "mine"))
                .body())).containsKey("name");
        assertThat(api.post("officer-cdc", "/api/task-views", Map.of("name", "坏的", "view", "mine",
                "filters", Map.of("bundle", "nothing"))).status()).isEqualTo(400);

        Api.Response shared = api.post("lead-cdc", "/api/task-views", Map.of("name", "本部门超期", "view", "department",
                "filters", Map.of("light", "RED"), "shared", true));
        assertThat(shared.status()).isEqualTo(201);
        JsonNode seen = api.get("officer-cdc", "/api/task-views").body();
        assertThat(seen.findValues("name")).extracting(JsonNode::asText).contains("预防接种证", "本部门超期");
        JsonNode sharedRow = CaseItems.find(seen, "本部门超期", "name");
        assertThat(sharedRow.get("editable").asBoolean()).isFalse();
        assertThat(sharedRow.get("count").asLong()).as("an officer cannot open that tab").isEqualTo(-1);
        assertThat(api.get("officer-police", "/api/task-views").body().findValues("name")).extracting(JsonNode::asText)
                .doesNotContain("预防接种证", "本部门超期");
        Api.Response county = api.post("lead-health", "/api/task-views", Map.of("name", "乡镇卫生院待办",
                "view", "department", "shared", true));
        assertThat(county.status()).as("shared with 卫生健康委, not its township centres").isEqualTo(201);
        assertThat(county.body().get("department").asText()).isEqualTo("health");
        assertThat(api.delete("officer-cdc", "/api/task-views/" + sharedRow.get("id").asLong()).status())
                .isEqualTo(404);
        assertThat(api.delete("officer-cdc", "/api/task-views/" + mine.body().get("id").asLong()).status())
                .isEqualTo(204);
    }

    private String applicantName(String caseId) {
        return api.get("citizen2", "/api/cases/" + caseId).body().get("applicantName").asText();
    }

    private JsonNode find(String officer, String view, String caseId, String item) {
        Api.Response page = api.get(officer, "/api/tasks?size=200&sort=created&order=desc&view=" + view);
        assertThat(page.status()).as("%s", page.body()).isEqualTo(200);
        for (JsonNode t : page.body().get("items")) {
            if (caseId.equals(t.get("caseId").asText()) && item.equals(t.get("itemCode").asText())) {
                return t;
            }
        }
        return null;
    }
}
