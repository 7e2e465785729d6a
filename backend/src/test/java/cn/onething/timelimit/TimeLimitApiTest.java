package cn.onething.timelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.EngineClock;
import cn.onething.testsupport.PlatformTest;

/**
 * Working-day limits through the whole platform, with the engine's clock moved: deadlines on tasks,
 * items and the case, the warning and escalation timers, and a 补正 pause across 国庆 2026
 * (10-01…10-07 off, Saturday 10-10 worked).
 */
@PlatformTest
@ExtendWith(EngineClock.class)
class TimeLimitApiTest {

    @Autowired
    Api api;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;


    @Test
    void aNearDeadlineWarnsAndAPassedOneEscalatesToTheDepartmentLead() {
        EngineClock.set("2026-09-29T10:00"); // Tuesday
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();

        JsonNode caseFile = api.get("citizen1", "/api/cases/" + caseId).body();
        JsonNode whole = caseFile.get("deadline");
        assertThat(whole.get("limitDays").asInt()).isEqualTo(5);
        assertThat(whole.get("dueDate").asText()).isEqualTo("2026-10-12"); // 09-30, 10-08, 10-09, 10-10, 10-12
        assertThat(whole.get("light").asText()).isEqualTo("GREEN");
        JsonNode certificate = CaseItems.find(caseFile.get("items"), "birthCertificate").get("deadline");
        assertThat(certificate.get("dueDate").asText()).isEqualTo("2026-09-30");
        assertThat(certificate.get("light").asText()).as("1 working day is near from the start").isEqualTo("YELLOW");
        assertThat(CaseItems.find(caseFile.get("items"), "maternityBenefit").get("deadline").get("dueDate").asText())
                .isEqualTo("2026-10-09");
        assertThat(CaseItems.find(caseFile.get("items"), "householdRegistration").get("deadline").isNull()).isTrue();

        JsonNode task = taskOf("officer-hospital", caseId);
        assertThat(task.get("dueDate").asText()).isEqualTo("2026-09-30");
        assertThat(task.get("light").asText()).isEqualTo("YELLOW");
        assertThat(task.get("remainingDays").asInt()).isEqualTo(1);
        assertThat(api.post("officer-hospital", "/api/tasks/" + task.get("id").asText() + "/claim", Map.of()).status())
                .isEqualTo(200);
        long leadUnread = unread("lead-hospital");

        runDueTimers(caseId);
        assertThat(notices("officer-hospital", caseId)).extracting(n -> n.get("kind").asText()).containsExactly("WARNING");
        assertThat(notices("lead-hospital", caseId)).extracting(n -> n.get("kind").asText()).containsExactly("WARNING");
        assertThat(notices("lead-cdc", caseId)).extracting(n -> n.get("kind").asText()).containsExactly("WARNING");
        assertThat(notices("lead-police", caseId)).as("another department's lead").isEmpty();
        assertThat(notices("officer-cdc", caseId)).as("nobody has claimed the vaccination task").isEmpty();
        assertThat(unread("lead-hospital")).isEqualTo(leadUnread + 1);

        EngineClock.set("2026-10-01T09:00"); // the birth certificate ran out at the end of 09-30
        runDueTimers(caseId);
        task = taskOf("officer-hospital", caseId);
        assertThat(task.get("light").asText()).isEqualTo("RED");
        assertThat(task.get("escalated").asBoolean()).isTrue();
        assertThat(api.get("officer-hospital", "/api/tasks?light=RED&size=200").body().get("items")
                .findValuesAsText("id")).contains(task.get("id").asText());
        assertThat(api.get("officer-hospital", "/api/tasks?light=GREEN&size=200").body().get("items")
                .findValuesAsText("id")).doesNotContain(task.get("id").asText());
        assertThat(api.get("officer-hospital", "/api/tasks?size=200").body().get("items").get(0).get("escalated")
                .asBoolean()).as("escalated tasks lead the inbox").isTrue();
        assertThat(notices("lead-hospital", caseId)).extracting(n -> n.get("kind").asText())
                .containsExactly("ESCALATION", "WARNING");

        caseFile = api.get("citizen1", "/api/cases/" + caseId).body();
        certificate = CaseItems.find(caseFile.get("items"), "birthCertificate").get("deadline");
        assertThat(certificate.get("light").asText()).isEqualTo("RED");
        assertThat(certificate.get("escalatedAt").isNull()).isFalse();
        List<String> escalated = new java.util.ArrayList<>();
        caseFile.get("timeline").forEach(e -> {
            if (e.get("type").asText().equals("ITEM_ESCALATED")) {
                escalated.add(e.get("itemCode").asText());
            }
        });
        assertThat(escalated).as("each overdue item once").containsExactlyInAnyOrder("birthCertificate", "vaccination");
        assertThat(CaseItems.find(caseFile.get("items"), "maternityBenefit").get("deadline").get("light").asText())
                .as("3 working days, 2 still left after the holiday").isEqualTo("GREEN");

        JsonNode overview = api.get("manager1", "/api/deadlines/overview").body();
        assertThat(CaseItems.find(overview.get("departments"), "hospital", "department").get("red").asInt())
                .isPositive();
        JsonNode overdue = api.get("manager1", "/api/deadlines/items?light=RED&department=hospital&size=200").body();
        JsonNode row = CaseItems.find(overdue.get("items"), caseId, "caseId");
        assertThat(row.get("escalated").asBoolean()).isTrue();
        assertThat(row.get("dueDate").asText()).isEqualTo("2026-09-30");
        assertThat(api.get("officer-hospital", "/api/deadlines/overview").status()).isEqualTo(403);
        assertThat(api.get("manager1", "/api/deadlines/items?light=GREEN").status()).isEqualTo(400);

        long read = notices("lead-hospital", caseId).get(0).get("id").asLong();
        assertThat(api.post("lead-hospital", "/api/notifications/" + read + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(api.post("officer-police", "/api/notifications/" + read + "/read", Map.of()).status())
                .as("someone else's notification").isEqualTo(404);
    }

    @Test
    void aSupplementStopsTheClockAndTheAnswerResumesItWithWhatIsLeft() {
        EngineClock.set("2026-09-29T10:00");
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();

        EngineClock.set("2026-09-30T10:00"); // one of maternity benefit's 3 days used
        String task = taskOf("officer-medicare", caseId).get("id").asText();
        Map<String, Object> decision = new HashMap<>();
        decision.put("decision", "return");
        decision.put("missing", List.of("motherEmployer"));
        assertThat(api.post("officer-medicare", "/api/tasks/" + task + "/complete", decision).status()).isEqualTo(200);

        EngineClock.set("2026-10-05T10:00"); // in the holiday, waiting for the applicant
        JsonNode paused = api.get("citizen1", "/api/cases/" + caseId).body();
        JsonNode item = CaseItems.find(paused.get("items"), "maternityBenefit").get("deadline");
        assertThat(item.get("light").asText()).isEqualTo("PAUSED");
        assertThat(item.get("elapsedDays").asInt()).isEqualTo(1);
        assertThat(item.get("remainingDays").asInt()).isEqualTo(2);
        assertThat(item.get("stops").get(0).get("stoppedOn").asText()).isEqualTo("2026-09-30");
        assertThat(item.get("stops").get(0).get("resumedOn").isNull()).isTrue();
        assertThat(paused.get("deadline").get("light").asText()).as("the case waits for the applicant too")
                .isEqualTo("PAUSED");

        EngineClock.set("2026-10-08T10:00");
        Api.Response answered = api.post("citizen1", "/api/cases/" + caseId + "/supplements",
                Map.of("itemCode", "maternityBenefit", "form", Map.of("motherEmployer", "北京某某科技有限公司")));
        assertThat(answered.status()).as("%s", answered.body()).isEqualTo(200);

        item = CaseItems.find(answered.body().get("items"), "maternityBenefit").get("deadline");
        assertThat(item.get("dueDate").asText()).as("2 days left from 10-08: 10-09 and Saturday 10-10")
                .isEqualTo("2026-10-10");
        assertThat(item.get("elapsedDays").asInt()).isEqualTo(1);
        assertThat(item.get("remainingDays").asInt()).isEqualTo(2);
        assertThat(item.get("stops").get(0).get("resumedOn").asText()).isEqualTo("2026-10-08");
        assertThat(item.get("stops").get(0).get("workingDays").asInt()).isEqualTo(1);
        assertThat(taskOf("officer-medicare", caseId).get("dueDate").asText()).isEqualTo("2026-10-10");
        JsonNode whole = answered.body().get("deadline");
        assertThat(whole.get("dueDate").asText()).as("the case's 4 days left from 10-08").isEqualTo("2026-10-13");
        assertThat(whole.get("elapsedDays").asInt()).isEqualTo(1);
    }

    @Test
    void theCalendarAndLightsAreOnlyForSignedInUsers() {
        assertThat(api.getWithToken(null, "/api/notifications").status()).isEqualTo(401);
        assertThat(api.get("citizen1", "/api/notifications/unread-count").body().get("count").isNumber()).isTrue();
    }

    private void runDueTimers(String caseId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        management.createJobQuery().processInstanceId(instance).timers().executable().list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    private JsonNode taskOf(String officer, String caseId) {
        for (JsonNode t : api.get(officer, "/api/tasks?size=200").body().get("items")) {
            if (caseId.equals(t.get("caseId").asText())) {
                return t;
            }
        }
        throw new AssertionError("no task of case " + caseId + " for " + officer);
    }

    private List<JsonNode> notices(String user, String caseId) {
        List<JsonNode> found = new java.util.ArrayList<>();
        api.get(user, "/api/notifications?size=200").body().get("items").forEach(n -> {
            if (caseId.equals(n.get("caseId").asText())) {
                found.add(n);
            }
        });
        return found;
    }

    private long unread(String user) {
        return api.get(user, "/api/notifications/unread-count").body().get("count").asLong();
    }

}
