package cn.onething.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.PlatformTest;

/**
 * 加签 / 会签 through the whole process: signers of other departments sign before the officer decides, after (the
 * decision waits for them), or all at once under a rule; 减签; who may do what; a task that moved on meanwhile.
 */
@PlatformTest
class CountersignApiTest {

    private static final String ITEM = "birthCertificate";

    @Autowired
    Api api;

    TaskApi tasks;

    @BeforeEach
    void helpers() {
        tasks = new TaskApi(api);
    }

    @Test
    void signersBeforeTheOfficerSignOneAfterAnotherThenTheOfficerDecides() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        String task = tasks.taskId("officer-hospital", caseId, ITEM);
        assertThat(api.get("officer-health", "/api/cases/" + caseId).status()).isEqualTo(404);

        assertThat(invalid(task, Map.of("signers", List.of("officer-health")))).containsEntry("mode", "required");
        assertThat(invalid(task, Map.of("mode", "PARALLEL", "signers", List.of("officer-health"))))
                .containsEntry("rule", "required");
        assertThat(invalid(task, Map.of("mode", "BEFORE", "rule", "ALL", "signers", List.of("officer-health"))))
                .containsEntry("rule", "parallelOnly");
        assertThat(invalid(task, Map.of("mode", "BEFORE", "signers", List.of()))).containsEntry("signers", "size");
        assertThat(invalid(task, Map.of("mode", "BEFORE", "signers",
                IntStream.range(0, 11).mapToObj(i -> "officer" + i).toList()))).containsEntry("signers", "size");
        assertThat(invalid(task, Map.of("mode", "BEFORE", "signers", List.of("officer-hospital"))))
                .containsEntry("signers", "notSelf");
        assertThat(invalid(task, Map.of("mode", "BEFORE", "signers", List.of("citizen2"))))
                .containsEntry("signers", "officer");
        assertThat(api.post("officer-health", TaskApi.path(task, "countersign"),
                Map.of("mode", "BEFORE", "signers", List.of("officer-cdc"))).status()).as("another department's task")
                .isEqualTo(403);
        assertThat(tasks.types(caseId)).doesNotContain("COUNTERSIGN_REQUESTED");

        JsonNode asked = tasks.post("officer-hospital", task, "countersign", Map.of("mode", "BEFORE",
                "signers", List.of("officer-health", "lead-cdc"), "note", "新生儿出生地在外市"));
        assertThat(asked.get("assignee").asText()).as("claimed by asking").isEqualTo("officer-hospital");
        assertThat(asked.get("countersign").asText()).isEqualTo("OPEN");
        assertThat(api.post("officer-hospital", TaskApi.path(task, "countersign"),
                Map.of("mode", "BEFORE", "signers", List.of("officer-cdc"))).status()).as("one at a time")
                .isEqualTo(409);
        assertThat(api.post("officer-hospital", TaskApi.path(task, "complete"), Map.of("decision", "approve"))
                .status()).as("the signers first").isEqualTo(409);
        assertThat(api.post("officer-hospital", TaskApi.path(task, "transfer"),
                Map.of("department", "health", "reason", "x")).status()).isEqualTo(409);
        assertThat(actions("officer-hospital", task)).contains("removeSigner", "cc")
                .doesNotContain("complete", "countersign", "transfer", "delegate");

        JsonNode signing = tasks.row("officer-health", "mine", caseId, ITEM);
        assertThat(signing.get("name").asText()).isEqualTo("加签：出生医学证明");
        assertThat(signing.get("sign").get("hostTaskId").asText()).isEqualTo(task);
        assertThat(signing.get("sign").get("requestedByName").asText()).isEqualTo("王医生");
        assertThat(signing.get("bulkApprove").asBoolean()).isFalse();
        assertThat(tasks.row("lead-cdc", "mine", caseId, ITEM)).as("not their turn yet").isNull();
        String healthSigns = signing.get("id").asText();
        assertThat(api.get("officer-health", "/api/cases/" + caseId).status()).as("a signer reads the case")
                .isEqualTo(200);
        JsonNode detail = api.get("officer-health", "/api/tasks/" + healthSigns).body();
        assertThat(detail.get("actions")).extracting(JsonNode::asText).containsExactly("sign");
        assertThat(detail.get("countersigns").get(0).get("mode").asText()).isEqualTo("BEFORE");
        assertThat(detail.get("caseFile").get("id").asText()).isEqualTo(caseId);
        assertThat(api.get("lead-cdc", "/api/tasks/" + healthSigns).status()).isEqualTo(403);
        assertThat(api.post("lead-cdc", TaskApi.path(healthSigns, "sign"), Map.of("agree", true)).status())
                .isEqualTo(403);
        assertThat(api.post("officer-health", TaskApi.path(healthSigns, "claim"), Map.of()).status())
                .as("only signed").isEqualTo(409);
        assertThat(CaseItems.rules(api.post("officer-health", TaskApi.path(healthSigns, "sign"),
                Map.of("agree", false)).body())).containsEntry("opinion", "required");
        assertThat(CaseItems.rules(api.post("officer-health", TaskApi.path(healthSigns, "sign"), Map.of()).body()))
                .containsEntry("agree", "required");

        sign("officer-health", healthSigns, true, "出生地证明无误");
        assertThat(api.post("officer-health", TaskApi.path(healthSigns, "sign"), Map.of("agree", true)).status())
                .as("once").isEqualTo(409);
        assertThat(api.delete("officer-hospital", signerPath(task, countersign("officer-hospital", task).get("id").asLong(), "lead-cdc"))
                .status()).as("lead-cdc's turn has come").isEqualTo(409);
        sign("lead-cdc", tasks.row("lead-cdc", "mine", caseId, ITEM).get("id").asText(), true, null);

        JsonNode passed = countersign("officer-hospital", task);
        assertThat(passed.get("status").asText()).isEqualTo("PASSED");
        assertThat(passed.get("signers").findValues("state")).extracting(JsonNode::asText)
                .containsExactly("AGREED", "AGREED");
        assertThat(passed.get("signers").get(0).get("opinion").asText()).isEqualTo("出生地证明无误");
        assertThat(actions("officer-hospital", task)).contains("complete", "countersign");
        tasks.complete("officer-hospital", caseId, ITEM);
        assertThat(status(caseId)).isEqualTo("APPROVED");
        assertThat(tasks.types(caseId)).contains("COUNTERSIGN_REQUESTED", "COUNTERSIGN_SIGNED", "COUNTERSIGN_PASSED",
                "ITEM_APPROVE");
        JsonNode done = tasks.row("officer-health", "done", caseId, ITEM);
        assertThat(done.get("sign").get("hostTaskId").asText()).isEqualTo(task);
        assertThat(done.get("withdrawable").asBoolean()).isFalse();
    }

    @Test
    void signersAfterTheOfficerLetTheDecisionTakeEffectOrSendItBack() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        String task = tasks.taskId("officer-hospital", caseId, ITEM);
        tasks.post("officer-hospital", task, "countersign",
                Map.of("mode", "AFTER", "signers", List.of("lead-hospital", "officer-health")));
        assertThat(tasks.row("lead-hospital", "mine", caseId, ITEM)).as("after the decision").isNull();
        assertThat(actions("officer-hospital", task)).contains("complete");

        assertThat(CaseItems.rules(api.post("officer-hospital", TaskApi.path(task, "complete"),
                Map.of("decision", "reject")).body())).as("checked when held").containsEntry("comment", "required");
        tasks.complete("officer-hospital", caseId, ITEM);
        assertThat(status(caseId)).as("held for the signers").isEqualTo("IN_PROGRESS");
        assertThat(countersign("officer-hospital", task).get("pendingDecision").asText()).isEqualTo("approve");
        assertThat(actions("officer-hospital", task)).doesNotContain("complete");
        assertThat(api.post("officer-hospital", TaskApi.path(task, "complete"), Map.of("decision", "approve"))
                .status()).isEqualTo(409);
        sign("lead-hospital", tasks.row("lead-hospital", "mine", caseId, ITEM).get("id").asText(), false,
                "出生时间与助产记录不符");

        JsonNode rejected = countersign("officer-hospital", task);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("signers").findValues("state")).extracting(JsonNode::asText)
                .containsExactly("DISAGREED", "SKIPPED");
        assertThat(tasks.row("officer-health", "mine", caseId, ITEM)).isNull();
        assertThat(status(caseId)).isEqualTo("IN_PROGRESS");
        Api.Response refused = api.post("officer-hospital", TaskApi.path(task, "complete"),
                Map.of("decision", "approve"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("未通过");

        tasks.post("officer-hospital", task, "countersign", Map.of("mode", "AFTER", "signers", List.of("lead-hospital")));
        tasks.complete("officer-hospital", caseId, ITEM);
        sign("lead-hospital", tasks.row("lead-hospital", "mine", caseId, ITEM).get("id").asText(), true, "已核实");
        assertThat(status(caseId)).as("the officer's decision, taken when the signer agreed").isEqualTo("APPROVED");
        assertThat(tasks.row("officer-police", "open", caseId, "householdRegistration")).isNotNull();
        assertThat(tasks.types(caseId)).contains("COUNTERSIGN_DECISION_HELD", "COUNTERSIGN_REJECTED",
                "COUNTERSIGN_PASSED", "ITEM_APPROVE");
    }

    @Test
    void parallelSignersSettleByTheirRuleAndUnsignedOnesCanBeLeftOut() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        String task = tasks.taskId("officer-hospital", caseId, ITEM);
        tasks.post("officer-hospital", task, "countersign", Map.of("mode", "PARALLEL", "rule", "MAJORITY",
                "signers", List.of("lead-hospital", "officer-health", "officer-cdc", "officer-ecology")));
        long id = countersign("officer-hospital", task).get("id").asLong();
        assertThat(tasks.row("lead-hospital", "mine", caseId, ITEM).get("name").asText()).isEqualTo("会签：出生医学证明");
        assertThat(tasks.row("officer-cdc", "mine", caseId, ITEM)).as("all at once").isNotNull();

        assertThat(api.delete("officer-health", signerPath(task, id, "officer-ecology")).status()).isEqualTo(403);
        assertThat(api.delete("officer-hospital", signerPath(task, id, "officer-police")).status()).isEqualTo(404);
        String ecologySigns = tasks.row("officer-ecology", "mine", caseId, ITEM).get("id").asText();
        assertThat(api.delete("lead-hospital", signerPath(task, id, "officer-ecology")).status()).as("a lead may")
                .isEqualTo(204);
        assertThat(tasks.row("officer-ecology", "mine", caseId, ITEM)).isNull();
        assertThat(api.post("officer-ecology", TaskApi.path(ecologySigns, "sign"), Map.of("agree", true)).status())
                .as("left out").isEqualTo(409);
        assertThat(api.get("officer-ecology", "/api/cases/" + caseId).status()).isEqualTo(404);

        sign("lead-hospital", tasks.row("lead-hospital", "mine", caseId, ITEM).get("id").asText(), true, null);
        assertThat(api.delete("officer-hospital", signerPath(task, id, "lead-hospital")).status()).as("signed")
                .isEqualTo(409);
        assertThat(countersign("officer-hospital", task).get("status").asText()).as("one of three").isEqualTo("OPEN");
        sign("officer-health", tasks.row("officer-health", "mine", caseId, ITEM).get("id").asText(), true, null);
        JsonNode passed = countersign("officer-hospital", task);
        assertThat(passed.get("status").asText()).as("two of three").isEqualTo("PASSED");
        assertThat(passed.get("signers").findValues("state")).extracting(JsonNode::asText)
                .containsExactly("AGREED", "AGREED", "SKIPPED", "REMOVED");
        assertThat(tasks.row("officer-cdc", "mine", caseId, ITEM)).as("no longer needed").isNull();
        assertThat(tasks.row("officer-hospital", "mine", caseId, ITEM).get("countersign").asText())
                .isEqualTo("PASSED");
        tasks.complete("officer-hospital", caseId, ITEM);

        String police = tasks.taskId("officer-police", caseId, "householdRegistration");
        tasks.post("officer-police", police, "countersign", Map.of("mode", "PARALLEL", "rule", "ANY",
                "signers", List.of("officer-health", "officer2-police")));
        sign("officer-health", tasks.row("officer-health", "mine", caseId, "householdRegistration").get("id").asText(),
                false, "户籍地址待核");
        assertThat(countersign("officer-police", police).get("status").asText()).as("anyone may still agree").isEqualTo("OPEN");
        sign("officer2-police", tasks.row("officer2-police", "mine", caseId, "householdRegistration").get("id")
                .asText(), true, null);
        assertThat(countersign("officer-police", police).get("status").asText()).isEqualTo("PASSED");

        tasks.post("officer-police", police, "countersign", Map.of("mode", "PARALLEL", "rule", "ALL",
                "signers", List.of("officer-health", "officer2-police")));
        sign("officer-health", tasks.row("officer-health", "mine", caseId, "householdRegistration").get("id").asText(),
                false, "户籍地址不符");
        assertThat(countersign("officer-police", police).get("status").asText()).as("all must agree").isEqualTo("REJECTED");
        assertThat(api.post("officer-police", TaskApi.path(police, "complete"), Map.of("decision", "approve"))
                .status()).isEqualTo(409);
        assertThat(api.post("officer-police", TaskApi.path(police, "complete"),
                Map.of("decision", "reject", "comment", "户籍地址不符")).status()).isEqualTo(200);
        assertThat(CaseItems.statuses(api.get("citizen1", "/api/cases/" + caseId).body()))
                .containsEntry("householdRegistration", "REJECTED");
    }

    @Test
    void sendingTheTaskBackCancelsItsOpenCountersign() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        tasks.complete("officer-hospital", caseId, ITEM);
        String police = tasks.taskId("officer-police", caseId, "householdRegistration");
        tasks.post("officer-police", police, "countersign", Map.of("mode", "BEFORE", "signers", List.of("officer-health")));
        String healthSigns = tasks.row("officer-health", "mine", caseId, "householdRegistration").get("id").asText();

        assertThat(api.post("officer-police", TaskApi.path(police, "return"),
                Map.of("activityId", ITEM, "reason", "出生医学证明编号有误")).status()).isEqualTo(204);
        assertThat(tasks.row("officer-health", "mine", caseId, "householdRegistration")).isNull();
        assertThat(api.post("officer-health", TaskApi.path(healthSigns, "sign"), Map.of("agree", true)).status())
                .isIn(404, 409);
        JsonNode cancelled = api.get("officer-health", "/api/tasks/" + police + "/countersigns").body().get(0);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("signers").get(0).get("state").asText()).isEqualTo("SKIPPED");
        assertThat(api.get("officer-cdc", "/api/tasks/" + police + "/countersigns").status()).isIn(403, 409);
    }

    // ---- helpers ----

    private Map<String, String> invalid(String task, Map<String, ?> request) {
        Api.Response r = api.post("officer-hospital", TaskApi.path(task, "countersign"), new HashMap<>(request));
        assertThat(r.status()).as("%s: %s", request, r.body()).isEqualTo(400);
        return CaseItems.rules(r.body());
    }

    private void sign(String signer, String signTask, boolean agree, String opinion) {
        Map<String, Object> body = new HashMap<>();
        body.put("agree", agree);
        body.put("opinion", opinion);
        Api.Response r = api.post(signer, TaskApi.path(signTask, "sign"), body);
        assertThat(r.status()).as("%s signs: %s", signer, r.body()).isEqualTo(204);
    }

    /** The task's newest countersign, as its officer reads it. */
    private JsonNode countersign(String officer, String task) {
        Api.Response r = api.get(officer, "/api/tasks/" + task + "/countersigns");
        assertThat(r.status()).as("%s reads the countersigns: %s", officer, r.body()).isEqualTo(200);
        return r.body().get(0);
    }

    private List<String> actions(String officer, String task) {
        return CaseItems.texts(api.get(officer, "/api/tasks/" + task).body().get("actions"));
    }

    private String status(String caseId) {
        return CaseItems.statuses(api.get("citizen1", "/api/cases/" + caseId).body()).get(ITEM);
    }

    private static String signerPath(String task, long countersignId, String username) {
        return "/api/tasks/" + task + "/countersigns/" + countersignId + "/signers/" + username;
    }
}
