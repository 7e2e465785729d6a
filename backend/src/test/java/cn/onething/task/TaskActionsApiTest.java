package cn.onething.task;

import static cn.onething.task.TaskApi.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.EngineClock;
import cn.onething.testsupport.PlatformTest;

/** Every action on a task: the happy path, who may not, and a task that moved on meanwhile. */
@PlatformTest
@ExtendWith(EngineClock.class)
class TaskActionsApiTest {

    @Autowired
    Api api;

    TaskApi tasks;

    @BeforeEach
    void helpers() {
        tasks = new TaskApi(api);
    }

    @Test
    void anOfficerClaimsAndUnclaimsAndOnlyALeadAssignsToAColleague() {
        String caseId = caseAtHouseholdRegistration();
        String task = tasks.taskId("officer-police", caseId, "householdRegistration");

        assertThat(tasks.post("officer-police", task, "claim", Map.of()).get("assignee").asText())
                .isEqualTo("officer-police");
        assertThat(api.post("officer2-police", path(task, "unclaim"), Map.of()).status()).isEqualTo(403);
        assertThat(tasks.post("officer-police", task, "unclaim", Map.of()).get("assignee").isNull()).isTrue();

        assertThat(api.post("officer-police", path(task, "assign"), Map.of("assignee", "officer2-police")).status())
                .as("only a lead assigns").isEqualTo(403);
        Api.Response outsider = api.post("lead-police", path(task, "assign"), Map.of("assignee", "officer-hospital"));
        assertThat(outsider.status()).isEqualTo(400);
        assertThat(CaseItems.rules(outsider.body())).containsEntry("assignee", "department");
        JsonNode assigned = tasks.post("lead-police", task, "assign", Map.of("assignee", "officer2-police"));
        assertThat(assigned.get("assignee").asText()).isEqualTo("officer2-police");
        assertThat(assigned.get("assigneeName").asText()).isNotBlank().isNotEqualTo("officer2-police");
        assertThat(api.post("officer-police", path(task, "complete"), Map.of("decision", "approve")).status())
                .as("assigned to a colleague").isEqualTo(409);
        assertThat(tasks.types(caseId)).contains("ITEM_CLAIMED", "TASK_UNCLAIMED", "TASK_ASSIGNED");
        assertThat(api.get("lead-police", "/api/tasks/" + task).body().get("actions")).extracting(JsonNode::asText)
                .contains("assign", "unclaim", "transfer");

        assertThat(api.post("officer2-police", path(task, "complete"), Map.of("decision", "approve")).status())
                .isEqualTo(200);
        assertThat(api.post("lead-police", path(task, "assign"), Map.of("assignee", "officer-police")).status())
                .as("moved on").isEqualTo(409);
        assertThat(api.post("officer-police", path(task, "unclaim"), Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aTransferToAnotherDepartmentMovesTheItemWithItsReason() {
        String caseId = caseAtHouseholdRegistration();
        String task = tasks.taskId("officer-police", caseId, "householdRegistration");
        tasks.post("officer-police", task, "claim", Map.of());

        Api.Response noReason = api.post("officer-police", path(task, "transfer"), Map.of("department", "health"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(CaseItems.rules(noReason.body())).containsEntry("reason", "required");
        assertThat(api.post("officer-police", path(task, "transfer"), Map.of("department", "nowhere", "reason", "x"))
                .status()).isEqualTo(400);
        assertThat(api.post("officer2-police", path(task, "transfer"), Map.of("department", "health", "reason", "x"))
                .status()).as("claimed by a colleague").isEqualTo(409);

        JsonNode moved = tasks.post("officer-police", task, "transfer",
                Map.of("department", "health", "reason", "申请人户籍地属卫健委试点代办"));
        assertThat(moved.get("department").asText()).isEqualTo("health");
        assertThat(moved.get("assignee").isNull()).isTrue();
        assertThat(api.get("officer-police", "/api/tasks/" + task).status()).isEqualTo(403);
        assertThat(tasks.row("officer-health", "unclaimed", caseId, "householdRegistration")).isNotNull();
        JsonNode caseFile = api.get("citizen1", "/api/cases/" + caseId).body();
        assertThat(CaseItems.find(caseFile.get("items"), "householdRegistration").get("department").asText())
                .isEqualTo("health");
        assertThat(caseFile.get("timeline").findValues("message")).extracting(JsonNode::asText)
                .anyMatch(m -> m.contains("转办至 卫生健康委") && m.contains("申请人户籍地属卫健委试点代办"));
        assertThat(api.post("officer-police", path(task, "transfer"), Map.of("department", "police", "reason", "x"))
                .status()).as("no longer police's").isEqualTo(403);

        JsonNode toPerson = tasks.post("officer-health", task, "transfer",
                Map.of("department", "police", "assignee", "officer2-police", "reason", "退回公安办理"));
        assertThat(toPerson.get("assignee").asText()).isEqualTo("officer2-police");
        assertThat(api.post("officer2-police", path(task, "complete"), Map.of("decision", "approve")).status())
                .isEqualTo(200);
        assertThat(api.post("officer2-police", path(task, "transfer"), Map.of("department", "health", "reason", "x"))
                .status()).as("moved on").isEqualTo(409);
    }

    @Test
    void aDelegatedTaskComesBackToTheDelegatorToConfirm() {
        String caseId = caseAtHouseholdRegistration();
        String task = tasks.taskId("officer-police", caseId, "householdRegistration");
        assertThat(api.post("officer-police", path(task, "delegate"), Map.of("assignee", "officer-hospital")).status())
                .isEqualTo(400);

        JsonNode delegated = tasks.post("officer-police", task, "delegate",
                Map.of("assignee", "officer2-police", "note", "请核对户籍信息"));
        assertThat(delegated.get("delegation").asText()).isEqualTo("PENDING");
        assertThat(delegated.get("owner").asText()).isEqualTo("officer-police");
        assertThat(delegated.get("assignee").asText()).isEqualTo("officer2-police");
        assertThat(api.post("officer-police", path(task, "complete"), Map.of("decision", "approve")).status())
                .as("not while the colleague works it").isEqualTo(409);
        assertThat(tasks.row("officer2-police", "mine", caseId, "householdRegistration")).isNotNull();
        assertThat(tasks.row("officer-police", "mine", caseId, "householdRegistration"))
                .as("the delegator still sees it").isNotNull();
        assertThat(api.post("officer-police", path(task, "resolve"), Map.of("comment", "x")).status()).isEqualTo(409);
        assertThat(api.post("officer2-police", path(task, "resolve"), Map.of()).status()).isEqualTo(400);

        JsonNode resolved = tasks.post("officer2-police", task, "resolve", Map.of("comment", "已核对，信息一致"));
        assertThat(resolved.get("delegation").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("assignee").asText()).isEqualTo("officer-police");
        assertThat(api.post("officer2-police", path(task, "complete"), Map.of("decision", "approve")).status())
                .isEqualTo(409);
        assertThat(api.post("officer-police", path(task, "complete"), Map.of("decision", "approve")).status())
                .isEqualTo(200);
        assertThat(tasks.types(caseId)).containsSubsequence("TASK_DELEGATED", "TASK_RESOLVED", "ITEM_APPROVE");
        assertThat(api.post("officer-police", path(task, "delegate"), Map.of("assignee", "officer2-police")).status())
                .isEqualTo(409);
    }

    @Test
    void aReturnGoesBackToAnEarlierStepWithTheWorkingDaysItHadLeft() {
        EngineClock.set("2026-11-02T09:00"); // a Monday
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        tasks.complete("officer-hospital", caseId, "birthCertificate");
        EngineClock.set("2026-11-03T10:00");
        tasks.complete("officer-police", caseId, "householdRegistration"); // one of its two working days used
        tasks.complete("officer-medicare", caseId, "medicalInsurance"); // waits at the join of the three dependents
        tasks.complete("officer-cdc", caseId, "vaccination"); // parallel from the start: not to be undone
        EngineClock.set("2026-11-05T10:00");

        String social = tasks.taskId("officer-hrss", caseId, "socialSecurityCard");
        JsonNode targets = api.get("officer-hrss", path(social, "return-targets")).body();
        assertThat(targets.findValues("activityId")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("householdRegistration", "birthCertificate");
        assertThat(api.post("officer-hrss", path(social, "return"), Map.of("activityId", "vaccination", "reason", "x"))
                .status()).isEqualTo(400);
        assertThat(api.post("officer-hrss", path(social, "return"), Map.of("activityId", "householdRegistration"))
                .status()).isEqualTo(400);
        assertThat(api.post("officer-police", path(social, "return"),
                Map.of("activityId", "householdRegistration", "reason", "x")).status()).isEqualTo(403);

        assertThat(api.post("officer-hrss", path(social, "return"),
                Map.of("activityId", "householdRegistration", "reason", "户籍地址与社保登记不一致")).status())
                .isEqualTo(204);
        JsonNode back = api.get("citizen1", "/api/cases/" + caseId).body();
        assertThat(CaseItems.statuses(back)).containsEntry("householdRegistration", "IN_PROGRESS")
                .containsEntry("socialSecurityCard", "WAITING").containsEntry("medicalInsurance", "WAITING")
                .containsEntry("childrenFund", "WAITING").containsEntry("vaccination", "APPROVED")
                .containsEntry("birthCertificate", "APPROVED");
        JsonNode household = CaseItems.find(back.get("items"), "householdRegistration");
        assertThat(household.get("deadline").get("dueDate").asText()).as("one working day left, not two")
                .isEqualTo("2026-11-06");
        assertThat(tasks.types(caseId)).contains("TASK_RETURNED");
        assertThat(api.post("officer-hrss", path(social, "complete"), Map.of("decision", "approve")).status())
                .as("moved on").isEqualTo(409);

        // the flow resumes from there: the dependents again, then the case completes
        tasks.complete("officer-police", caseId, "householdRegistration");
        for (String[] step : new String[][] {{"officer-hrss", "socialSecurityCard"},
                {"officer-medicare", "medicalInsurance"}, {"officer-union", "childrenFund"},
                {"officer-medicare", "maternityBenefit"}}) {
            tasks.complete(step[0], caseId, step[1]);
        }
        assertThat(api.get("citizen1", "/api/cases/" + caseId).body().get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void theOfficerWhoCompletedAStepWithdrawsItWhileTheNextIsUnclaimed() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        tasks.complete("officer-hospital", caseId, "birthCertificate");
        JsonNode done = tasks.row("officer-hospital", "done", caseId, "birthCertificate");
        assertThat(done.get("withdrawable").asBoolean()).isTrue();
        String next = tasks.taskId("officer-police", caseId, "householdRegistration");
        tasks.post("officer-police", next, "claim", Map.of());
        assertThat(tasks.row("officer-hospital", "done", caseId, "birthCertificate").get("withdrawable").asBoolean())
                .isFalse();
        assertThat(api.post("officer-hospital", path(done.get("id").asText(), "withdraw"), Map.of()).status())
                .isEqualTo(409);
        tasks.post("officer-police", next, "unclaim", Map.of());
        assertThat(api.post("lead-hospital", path(done.get("id").asText(), "withdraw"), Map.of()).status())
                .as("not the one who completed it").isEqualTo(403);

        JsonNode reopened = tasks.post("officer-hospital", done.get("id").asText(), "withdraw",
                Map.of("reason", "漏核出生时间"));
        assertThat(reopened.get("itemCode").asText()).isEqualTo("birthCertificate");
        assertThat(reopened.get("assignee").asText()).isEqualTo("officer-hospital");
        assertThat(CaseItems.statuses(api.get("citizen1", "/api/cases/" + caseId).body()))
                .containsEntry("birthCertificate", "IN_PROGRESS").containsEntry("householdRegistration", "WAITING");
        assertThat(api.post("officer-police", path(next, "complete"), Map.of("decision", "approve")).status())
                .isEqualTo(409);
        assertThat(tasks.types(caseId)).contains("TASK_WITHDRAWN");
        assertThat(api.post("officer-hospital", path(done.get("id").asText(), "withdraw"), Map.of()).status())
                .as("only once").isIn(404, 409);
    }

    @Test
    void aCopyLetsAnotherOfficerReadTheCaseButNotWorkIt() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        String task = tasks.taskId("officer-hospital", caseId, "birthCertificate");
        assertThat(api.get("officer-health", "/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(api.post("officer-hospital", path(task, "cc"), Map.of("recipients", List.of())).status())
                .isEqualTo(400);
        assertThat(api.post("officer-hospital", path(task, "cc"), Map.of("recipients", List.of("citizen2"))).status())
                .isEqualTo(400);
        assertThat(api.post("officer-health", path(task, "cc"), Map.of("recipients", List.of("officer-cdc")))
                .status()).isEqualTo(403);

        assertThat(api.post("officer-hospital", path(task, "cc"),
                Map.of("recipients", List.of("officer-health"), "note", "请提前准备户口登记")).status()).isEqualTo(204);
        assertThat(api.get("officer-health", "/api/cases/" + caseId).status()).isEqualTo(200);
        JsonNode copy = tasks.row("officer-health", "cc", caseId, "birthCertificate");
        assertThat(copy.get("cc").get("read").asBoolean()).isFalse();
        assertThat(copy.get("cc").get("note").asText()).isEqualTo("请提前准备户口登记");
        assertThat(api.post("officer-health", "/api/tasks/cc/" + copy.get("cc").get("id").asLong() + "/read", Map.of())
                .status()).isEqualTo(204);
        assertThat(api.post("officer-cdc", "/api/tasks/cc/" + copy.get("cc").get("id").asLong() + "/read", Map.of())
                .status()).as("not theirs").isEqualTo(404);
        assertThat(tasks.row("officer-health", "cc", caseId, "birthCertificate").get("cc").get("read").asBoolean())
                .isTrue();
        assertThat(api.post("officer-health", path(task, "complete"), Map.of("decision", "approve")).status())
                .isEqualTo(403);
        assertThat(tasks.types(caseId)).contains("TASK_CC");
    }

    @Test
    void bulkApprovalGoesThroughWhereAllowedAndSaysWhyNotElsewhere() {
        String first = BirthApplication.submit(api, "citizen1").get("id").asText();
        String second = BirthApplication.submit(api, "citizen2").get("id").asText();
        String firstTask = tasks.taskId("officer-medicare", first, "maternityBenefit");
        String secondTask = tasks.taskId("officer-medicare", second, "maternityBenefit");
        tasks.post("lead-medicare", secondTask, "claim", Map.of());
        String notBulk = tasks.taskId("officer-hospital", first, "birthCertificate");

        JsonNode results = api.post("officer-medicare", "/api/tasks/bulk",
                Map.of("action", "approve", "taskIds", List.of(firstTask, secondTask), "comment", "材料齐全"))
                .body().get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(1).get("ok").asBoolean()).isFalse();
        assertThat(results.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).get("detail").asText()).as("by name").contains("陈科长");
        assertThat(CaseItems.statuses(api.get("citizen1", "/api/cases/" + first).body()))
                .containsEntry("maternityBenefit", "APPROVED");
        assertThat(CaseItems.statuses(api.get("citizen2", "/api/cases/" + second).body()))
                .containsEntry("maternityBenefit", "IN_PROGRESS");

        JsonNode refused = api.post("officer-hospital", "/api/tasks/bulk",
                Map.of("action", "approve", "taskIds", List.of(notBulk))).body().get("results").get(0);
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.get("detail").asText()).contains("逐件审核");
        assertThat(api.post("officer-medicare", "/api/tasks/bulk", Map.of("action", "delete", "taskIds",
                List.of(firstTask))).status()).isEqualTo(400);
        assertThat(api.post("officer-medicare", "/api/tasks/bulk", Map.of("action", "assign", "taskIds",
                List.of(firstTask), "assignee", "lead-medicare")).status()).isEqualTo(403);

        JsonNode assigned = api.post("lead-medicare", "/api/tasks/bulk", Map.of("action", "assign", "taskIds",
                List.of(secondTask, firstTask), "assignee", "officer-medicare")).body().get("results");
        assertThat(assigned.get(0).get("ok").asBoolean()).isTrue();
        assertThat(assigned.get(1).get("status").asInt()).as("approved meanwhile").isEqualTo(409);
        assertThat(tasks.row("officer-medicare", "mine", second, "maternityBenefit")).isNotNull();
    }

    // ---- helpers ----

    private String caseAtHouseholdRegistration() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        tasks.complete("officer-hospital", caseId, "birthCertificate");
        return caseId;
    }
}
