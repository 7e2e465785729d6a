package cn.onething.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.PlatformTest;

@PlatformTest
class InboxApiTest {

    /** Which demo officer works which item of 出生一件事. */
    static final Map<String, String> OFFICER = Map.of(
            "birthCertificate", "officer-hospital", "vaccination", "officer-cdc", "maternityBenefit", "officer-medicare",
            "householdRegistration", "officer-police", "socialSecurityCard", "officer-hrss",
            "medicalInsurance", "officer-medicare", "childrenFund", "officer-union");

    @Autowired
    Api api;

    @Test
    void sevenDepartmentsWorkTheCaseInTheOrderTheLawRequires() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        assertThat(taskFor("officer-police", caseId, "householdRegistration")).isNull();

        decide(caseId, "vaccination", "approve", null);
        decide(caseId, "maternityBenefit", "approve", null);
        assertThat(taskFor("officer-police", caseId, "householdRegistration")).as("waits for the birth certificate")
                .isNull();

        decide(caseId, "birthCertificate", "approve", "材料齐全");
        assertThat(status(caseId)).containsEntry("householdRegistration", "IN_PROGRESS")
                .containsEntry("socialSecurityCard", "WAITING");
        decide(caseId, "householdRegistration", "approve", null);
        assertThat(status(caseId)).containsEntry("socialSecurityCard", "IN_PROGRESS")
                .containsEntry("medicalInsurance", "IN_PROGRESS").containsEntry("childrenFund", "IN_PROGRESS");
        decide(caseId, "socialSecurityCard", "approve", null);
        decide(caseId, "medicalInsurance", "approve", null);
        decide(caseId, "childrenFund", "approve", null);

        JsonNode done = api.get("citizen1", "/api/cases/" + caseId).body();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("completedAt").isNull()).isFalse();
        done.get("items").forEach(i -> {
            assertThat(i.get("status").asText()).isEqualTo("APPROVED");
            assertThat(i.get("decidedBy").asText()).isNotBlank();
        });
        assertThat(timelineTypes(done)).startsWith("SUBMITTED").endsWith("COMPLETED")
                .filteredOn("ITEM_APPROVE"::equals).hasSize(7);
        JsonNode bc = done.get("items").get(0);
        assertThat(bc.get("comment").asText()).isEqualTo("材料齐全");
        assertThat(bc.get("decision").asText()).isEqualTo("approve");
    }

    @Test
    void aRejectedBirthCertificateEndsTheItemsThatNeedItAndTheRestGoOn() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        Api.Response noReason = api.post("officer-hospital", "/api/tasks/" + taskId(caseId, "birthCertificate")
                + "/complete", Map.of("decision", "reject"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("comment");

        decide(caseId, "birthCertificate", "reject", "分娩记录与医院存档不一致");
        decide(caseId, "vaccination", "approve", null);
        assertThat(status(caseId)).containsEntry("householdRegistration", "WAITING");
        decide(caseId, "maternityBenefit", "approve", null);

        JsonNode done = api.get("citizen1", "/api/cases/" + caseId).body();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(CaseItems.statuses(done)).isEqualTo(Map.of(
                "birthCertificate", "REJECTED", "vaccination", "APPROVED", "householdRegistration", "SKIPPED",
                "socialSecurityCard", "SKIPPED", "medicalInsurance", "SKIPPED", "childrenFund", "SKIPPED",
                "maternityBenefit", "APPROVED"));
        assertThat(done.get("items").get(0).get("comment").asText()).isEqualTo("分娩记录与医院存档不一致");
    }

    @Test
    void aReturnedItemWaitsForTheApplicantsOneAnswerThenResumes() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        String task = taskId(caseId, "birthCertificate");
        Api.Response notOfItem = api.post("officer-hospital", "/api/tasks/" + task + "/complete",
                Map.of("decision", "return", "missing", List.of("bankAccount")));
        assertThat(notOfItem.status()).isEqualTo(400);

        decide(caseId, "birthCertificate", "return", "母亲身份证号与身份证复印件不符", "motherIdNumber", "parentsIdCards");
        JsonNode waiting = api.get("citizen1", "/api/cases/" + caseId).body();
        JsonNode item = waiting.get("items").get(0);
        assertThat(item.get("status").asText()).isEqualTo("SUPPLEMENT");
        assertThat(item.get("decision").asText()).isEqualTo("return");
        assertThat(CaseItems.texts(item.get("supplement").get("missing")))
                .containsExactly("motherIdNumber", "parentsIdCards");
        assertThat(taskFor("officer-hospital", caseId, "birthCertificate")).isNull();

        Api.Response incomplete = api.post("citizen1", "/api/cases/" + caseId + "/supplements",
                Map.of("itemCode", "birthCertificate", "form", Map.of("motherIdNumber", "110105199205120027")));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(CaseItems.rules(incomplete.body())).containsOnly(Map.entry("parentsIdCards", "required"));
        assertThat(api.post("citizen2", "/api/cases/" + caseId + "/supplements", Map.of("itemCode", "birthCertificate"))
                .status()).isEqualTo(404);

        String newCopy = BirthApplication.upload(api, "citizen1", "ids.pdf",
                BirthApplication.pdf("ids, again"),
                org.springframework.http.MediaType.APPLICATION_PDF);
        Api.Response answered = api.post("citizen1", "/api/cases/" + caseId + "/supplements",
                Map.of("itemCode", "birthCertificate", "form", Map.of("motherIdNumber", "110105199205120027"),
                        "materials", Map.of("parentsIdCards", newCopy), "comment", "已重新上传"));
        assertThat(answered.status()).as("%s", answered.body()).isEqualTo(200);
        assertThat(CaseItems.statuses(answered.body())).containsEntry("birthCertificate", "IN_PROGRESS");
        assertThat(CaseItems.find(answered.body().get("materials"), "parentsIdCards").get("materialId").asText())
                .isEqualTo(newCopy);
        assertThat(api.post("citizen1", "/api/cases/" + caseId + "/supplements",
                Map.of("itemCode", "birthCertificate")).status()).as("answered once").isEqualTo(409);

        String resumed = taskId(caseId, "birthCertificate");
        assertThat(resumed).isNotEqualTo(task);
        decide(caseId, "birthCertificate", "approve", null);
        assertThat(status(caseId)).containsEntry("householdRegistration", "IN_PROGRESS");
        assertThat(timelineTypes(api.get("citizen1", "/api/cases/" + caseId).body()))
                .containsSubsequence("ITEM_RETURN", "SUPPLEMENT_ANSWERED", "ITEM_STARTED", "ITEM_APPROVE");
    }

    @Test
    void anOfficerWorksOnlyTheirDepartmentsTasks() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        String task = taskId(caseId, "birthCertificate");
        assertThat(taskFor("officer-police", caseId, "birthCertificate")).isNull();
        assertThat(api.get("officer-police", "/api/tasks/" + task).status()).isEqualTo(403);
        assertThat(api.post("officer-police", "/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("officer-police", "/api/tasks/" + task + "/complete", Map.of("decision", "approve"))
                .status()).isEqualTo(403);
        assertThat(api.post("citizen1", "/api/tasks/" + task + "/complete", Map.of("decision", "approve"))
                .status()).isEqualTo(403);
        assertThat(status(caseId)).containsEntry("birthCertificate", "IN_PROGRESS");
        assertThat(api.get("officer-health", "/api/cases/" + caseId).status()).as("no health commission item")
                .isEqualTo(404);

        JsonNode detail = api.get("officer-hospital", "/api/tasks/" + task).body();
        assertThat(detail.get("task").get("itemCode").asText()).isEqualTo("birthCertificate");
        assertThat(detail.get("caseFile").get("form").get("motherIdNumber").asText()).isEqualTo("110105199205120027");
        JsonNode row = taskFor("officer-hospital", caseId, "birthCertificate");
        assertThat(row.get("applicantName").asText()).isEqualTo("张*");
    }

    @Test
    void aClaimedTaskBelongsToItsClaimer() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        decide(caseId, "birthCertificate", "approve", null);
        String task = taskId(caseId, "householdRegistration");
        Api.Response claimed = api.post("officer-police", "/api/tasks/" + task + "/claim", Map.of());
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.body().get("assignee").asText()).isEqualTo("officer-police");
        assertThat(api.post("officer2-police", "/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(409);
        assertThat(api.post("officer2-police", "/api/tasks/" + task + "/complete", Map.of("decision", "approve"))
                .status()).isEqualTo(409);
        assertThat(api.post("officer-police", "/api/tasks/" + task + "/complete", Map.of("decision", "approve"))
                .status()).isEqualTo(200);
    }

    @Test
    void twoOfficersCompletingTheSameTaskOneWinsTheOtherGets409() throws Exception {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        decide(caseId, "birthCertificate", "approve", null);
        String task = taskId(caseId, "householdRegistration");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (String officer : List.of("officer-police", "officer2-police")) {
            Api.token(officer);
            racers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return api.post(officer, "/api/tasks/" + task + "/complete", Map.of("decision", "approve")).status();
            }));
        }
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        assertThat(api.post("officer-police", "/api/tasks/" + task + "/complete", Map.of("decision", "approve"))
                .status()).as("and after the fact").isEqualTo(409);
        assertThat(timelineTypes(api.get("citizen1", "/api/cases/" + caseId).body()))
                .filteredOn("ITEM_APPROVE"::equals).hasSize(2);
    }

    @Test
    void theInboxPagesAndSorts() {
        BirthApplication.submit(api, "citizen1");
        BirthApplication.submit(api, "citizen2");
        JsonNode page = api.get("officer-medicare", "/api/tasks?page=0&size=1&sort=created&order=desc").body();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items").get(0).get("department").asText()).isEqualTo("medicare");
        Api.Response bad = api.get("officer-medicare", "/api/tasks?sort=applicant");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("sort");
        assertThat(api.get("citizen1", "/api/tasks").body().get("total").asLong()).isZero();
    }

    private void decide(String caseId, String item, String decision, String comment, String... missing) {
        String officer = OFFICER.get(item);
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        body.put("missing", List.of(missing));
        Api.Response r = api.post(officer, "/api/tasks/" + taskId(caseId, item) + "/complete", body);
        assertThat(r.status()).as("%s %s: %s", decision, item, r.body()).isEqualTo(200);
    }

    private String taskId(String caseId, String item) {
        JsonNode row = taskFor(OFFICER.get(item), caseId, item);
        assertThat(row).as("%s open in the inbox of %s", item, OFFICER.get(item)).isNotNull();
        return row.get("id").asText();
    }

    private JsonNode taskFor(String officer, String caseId, String item) {
        for (JsonNode t : api.get(officer, "/api/tasks?size=200&order=desc").body().get("items")) {
            if (caseId.equals(t.get("caseId").asText()) && item.equals(t.get("itemCode").asText())) {
                return t;
            }
        }
        return null;
    }

    private Map<String, String> status(String caseId) {
        return CaseItems.statuses(api.get("citizen1", "/api/cases/" + caseId).body());
    }

    private static List<String> timelineTypes(JsonNode caseFile) {
        return CaseItems.texts(caseFile.get("timeline").findValues("type"));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
