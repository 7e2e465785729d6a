package cn.onething.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.PlatformTest;

/**
 * Deploying a model from the browser on PostgreSQL: only managers; errors refuse it element by element; a new
 * version takes new cases while running ones stay on theirs until migrated; versions are compared; rolling
 * back deploys the earlier XML again.
 */
@PlatformTest
class ModelApiTest {

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Test
    void onlyManagersReadValidateOrDeployModels() {
        assertThat(api.get("officer-health", "/api/models").status()).isEqualTo(403);
        assertThat(api.post("citizen1", "/api/models/validate", Map.of("xml", "x")).status()).isEqualTo(403);
        assertThat(api.post("officer-police", "/api/models/birth/deployments", Map.of("xml", "x", "comment", "c"))
                .status()).isEqualTo(403);
        assertThat(api.get("manager1", "/api/models").body().findValuesAsText("key")).contains("birth",
                "jointInspection", "publicVenueHygiene");
        assertThat(api.get("manager1", "/api/models/nosuch/versions").status()).isEqualTo(404);
    }

    @Test
    void badModelsAreRefusedNamingTheElementAndTheRule() {
        String birth = latestXml("birth");
        String deadEnd = birth.replaceFirst("(<bpmn:endEvent id=\"EndEvent_completed\"[^>]*>)\\s*<bpmn:incoming>[^<]*</bpmn:incoming>",
                "$1").replace("<bpmn:sequenceFlow id=\"Flow_joinItems_end\" sourceRef=\"Gateway_joinItems\" targetRef=\"EndEvent_completed\" />", "")
                .replace("<bpmn:outgoing>Flow_joinItems_end</bpmn:outgoing>", "");
        JsonNode validation = api.post("manager1", "/api/models/validate", Map.of("xml", deadEnd)).body();
        assertThat(validation.get("errors").findValuesAsText("elementId")).contains("Gateway_joinItems");

        Api.Response refused = api.post("manager1", "/api/models/birth/deployments", Map.of("xml", deadEnd,
                "comment", "试试"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(CaseItems.rules(refused.body())).containsEntry("xml.Gateway_joinItems", "deadEnd");

        assertThat(CaseItems.rules(api.post("manager1", "/api/models/birth/deployments", Map.of("xml", birth))
                .body())).containsEntry("comment", "required");
        assertThat(CaseItems.rules(api.post("manager1", "/api/models/birth/deployments",
                Map.of("xml", "x".repeat(ModelService.MAX_BYTES + 1), "comment", "大")).body()))
                .containsEntry("xml", "maxSize");
        assertThat(CaseItems.rules(api.post("manager1", "/api/models/birth/deployments",
                Map.of("xml", "<html/>", "comment", "错")).body())).containsEntry("xml", "bpmn");
        assertThat(CaseItems.rules(api.post("manager1", "/api/models/birth/deployments",
                Map.of("xml", latestXml("jointInspection"), "comment", "错流程")).body()))
                .containsEntry("xml", "processKey");
    }

    @Test
    void aNewVersionTakesNewCasesRunningOnesStayUntilMigratedAndRollingBackRedeploysTheEarlierXml() {
        JsonNode before = api.get("manager1", "/api/models/birth/versions").body().get(0);
        int version = before.get("version").asInt();
        String original = latestXml("birth");
        String running = BirthApplication.submit(api, "citizen1").get("id").asText();

        String renamed = original.replace("name=\"全部事项办理完毕\"", "name=\"全部事项已办结\"");
        Api.Response deployed = api.post("manager1", "/api/models/birth/deployments",
                Map.of("xml", renamed, "comment", "办结节点改名，便于申请人理解"));
        assertThat(deployed.status()).as("%s", deployed.body()).isEqualTo(201);
        assertThat(deployed.body().get("version").asInt()).isEqualTo(version + 1);
        JsonNode newest = api.get("manager1", "/api/models/birth/versions").body().get(0);
        assertThat(newest.get("deployedBy").asText()).isEqualTo("王经理");
        assertThat(newest.get("comment").asText()).isEqualTo("办结节点改名，便于申请人理解");

        String next = BirthApplication.submit(api, "citizen1").get("id").asText();
        assertThat(versionOf(running)).as("a running case stays on its version").isEqualTo(version);
        assertThat(versionOf(next)).as("a new case follows the new model").isEqualTo(version + 1);

        JsonNode diff = api.get("manager1", "/api/models/birth/diff?from=" + version + "&to=" + (version + 1)).body();
        assertThat(diff.get("added")).isEmpty();
        assertThat(diff.get("removed")).isEmpty();
        assertThat(diff.get("changed")).singleElement().satisfies(c -> {
            assertThat(c.get("id").asText()).isEqualTo("EndEvent_completed");
            assertThat(c.get("changes").get(0).asText()).isEqualTo("名称: 全部事项办理完毕 → 全部事项已办结");
        });

        JsonNode figures = CaseItems.find(api.get("manager1", "/api/models/birth/versions/" + version + "/statistics")
                .body(), "birthCertificate", "activityId");
        assertThat(figures.get("running").asLong()).as("the running case waits there").isPositive();
        assertThat(CaseItems.find(api.get("manager1", "/api/models/birth/versions/" + version + "/statistics").body(),
                "StartEvent_submitted", "activityId").get("completed").asLong()).isPositive();
        assertThat(api.get("manager1", "/api/models/birth/versions/" + version + "/activities/birthCertificate/cases")
                .body().findValuesAsText("businessKey")).contains(running);

        JsonNode preview = api.get("manager1", "/api/models/birth/migration?from=" + version + "&to=" + (version + 1))
                .body();
        JsonNode candidate = CaseItems.find(preview.get("instances"), running, "businessKey");
        assertThat(candidate.get("migratable").asBoolean()).isTrue();
        assertThat(candidate.get("waitingAt").findValuesAsText("targetActivityId")).contains("birthCertificate");
        String instance = candidate.get("processInstanceId").asText();
        assertThat(api.get("officer-hospital", "/api/models/birth/migration?from=" + version + "&to=" + (version + 1))
                .status()).isEqualTo(403);
        assertThat(CaseItems.rules(api.post("manager1", "/api/models/birth/migration", Map.of("from", version,
                "to", version + 1, "processInstanceIds", java.util.List.of())).body()))
                .containsEntry("processInstanceIds", "size");

        JsonNode outcome = api.post("manager1", "/api/models/birth/migration", Map.of("from", version,
                "to", version + 1, "processInstanceIds", java.util.List.of(instance))).body();
        assertThat(outcome.get(0).get("migrated").asBoolean()).isTrue();
        assertThat(versionOf(running)).as("migrated").isEqualTo(version + 1);
        assertThat(api.get("citizen1", "/api/cases/" + running).body().get("timeline").findValuesAsText("type"))
                .contains("PROCESS_MIGRATED");
        JsonNode again = api.post("manager1", "/api/models/birth/migration", Map.of("from", version,
                "to", version + 1, "processInstanceIds", java.util.List.of(instance))).body();
        assertThat(again.get(0).get("migrated").asBoolean()).as("reported, not thrown").isFalse();
        assertThat(again.get(0).get("reason").asText()).contains("已不在第 " + version + " 版");

        Api.Response rolledBack = api.post("manager1", "/api/models/birth/deployments",
                Map.of("xml", original, "comment", "回退到第 " + version + " 版"));
        assertThat(rolledBack.body().get("version").asInt()).isEqualTo(version + 2);
        assertThat(api.get("manager1", "/api/models/birth/diff?from=" + version + "&to=" + (version + 2)).body()
                .get("changed")).as("the same model again").isEmpty();
    }

    @Test
    void aManagerMovesAnItemToAnotherDepartmentWithOtherPromisedDaysForNewCases() {
        String original = latestXml("birth");
        String earlier = BirthApplication.submit(api, "citizen1").get("id").asText();
        String moved = ModelValidatorTest.vaccinationPromising(3).replace("camunda:candidateGroups=\"cdc\"",
                "camunda:candidateGroups=\"health\"");
        Api.Response deployed = api.post("manager1", "/api/models/birth/deployments",
                Map.of("xml", moved, "comment", "预防接种证改由卫生健康委办理，承诺 3 个工作日"));
        assertThat(deployed.status()).as("%s", deployed.body()).isEqualTo(201);
        try {
            String next = BirthApplication.submit(api, "citizen1").get("id").asText();
            JsonNode item = CaseItems.find(api.get("citizen1", "/api/cases/" + next).body().get("items"), "vaccination");
            assertThat(item.get("department").asText()).isEqualTo("health");
            assertThat(item.get("deadline").get("limitDays").asInt()).isEqualTo(3);
            assertThat(api.get("officer-health", "/api/tasks?size=200").body().get("items").toString())
                    .contains(next);
            JsonNode before = CaseItems.find(api.get("citizen1", "/api/cases/" + earlier).body().get("items"),
                    "vaccination");
            assertThat(before.get("department").asText()).as("a running case keeps its version").isEqualTo("cdc");
            assertThat(before.get("deadline").get("limitDays").asInt()).isEqualTo(1);
        } finally {
            api.post("manager1", "/api/models/birth/deployments", Map.of("xml", original, "comment", "恢复"));
        }
    }

    @Test
    void aManagerDropsAMaterialAnItemNeedsForNewCasesWhileRunningOnesKeepTheirs() {
        String original = latestXml("birth");
        String earlier = BirthApplication.submit(api, "citizen1").get("id").asText();
        String lighter = ModelValidatorTest.birthWithProperty("hospital", "materials", "deliveryRecord");
        Api.Response deployed = api.post("manager1", "/api/models/birth/deployments",
                Map.of("xml", lighter, "comment", "减材料：出生医学证明不再要求父母身份证（由公安数据核验）"));
        assertThat(deployed.status()).as("%s", deployed.body()).isEqualTo(201);
        try {
            JsonNode guide = api.get("citizen1", "/api/bundles/birth").body();
            assertThat(CaseItems.find(guide.get("items"), "birthCertificate").get("materials").toString())
                    .isEqualTo("[\"deliveryRecord\"]");
            assertThat(CaseItems.find(guide.get("materials"), "parentsIdCards").get("requiredBy")).isEmpty();

            Map<String, String> materials = BirthApplication.uploadMaterials(api, "citizen1");
            Api.Response withIt = api.post("citizen1", "/api/cases",
                    Map.of("bundleCode", "birth", "form", BirthApplication.form(), "materials", materials));
            assertThat(CaseItems.rules(withIt.body())).containsEntry("parentsIdCards", "notAsked");
            materials.remove("parentsIdCards");
            Api.Response next = api.post("citizen1", "/api/cases",
                    Map.of("bundleCode", "birth", "form", BirthApplication.form(), "materials", materials));
            assertThat(next.status()).as("%s", next.body()).isEqualTo(201);
            String nextCase = next.body().get("id").asText();

            Api.Response askedOnNew = api.post("officer-hospital", "/api/tasks/" + taskOf(nextCase, "birthCertificate")
                    + "/complete", Map.of("decision", "return", "missing", List.of("parentsIdCards")));
            assertThat(CaseItems.rules(askedOnNew.body())).as("no longer a material of the item")
                    .containsEntry("missing", "oneOf");
            Api.Response askedOnEarlier = api.post("officer-hospital", "/api/tasks/" + taskOf(earlier,
                    "birthCertificate") + "/complete", Map.of("decision", "return", "comment", "身份证复印件不清晰",
                            "missing", List.of("parentsIdCards")));
            assertThat(askedOnEarlier.status()).as("the earlier case keeps its version: %s", askedOnEarlier.body())
                    .isLessThan(300);
        } finally {
            api.post("manager1", "/api/models/birth/deployments", Map.of("xml", original, "comment", "恢复"));
        }
    }

    @Test
    void theEditorComparesItsModelWithADeployedVersionAndReadsTheCatalogDefaults() {
        int version = api.get("manager1", "/api/models/birth/versions").body().get(0).get("version").asInt();
        JsonNode diff = api.post("manager1", "/api/models/birth/diff", Map.of("from", version, "xml",
                ModelValidatorTest.vaccinationPromising(3))).body();
        assertThat(CaseItems.find(diff.get("changed"), "vaccination", "id").get("changes").toString()).contains("承诺时限（工作日）: 默认 1 → 3");
        assertThat(CaseItems.rules(api.post("manager1", "/api/models/birth/diff", Map.of("xml", "<x/>")).body()))
                .containsEntry("from", "required");
        assertThat(api.post("officer-cdc", "/api/models/birth/diff", Map.of("from", version, "xml", "<x/>")).status())
                .isEqualTo(403);

        JsonNode catalog = api.get("manager1", "/api/models/birth/catalog").body();
        assertThat(catalog.get("bundleCode").asText()).isEqualTo("birth");
        assertThat(CaseItems.find(catalog.get("materials"), "parentsIdCards").get("name").asText()).isEqualTo("父母身份证");
        JsonNode item = CaseItems.find(catalog.get("items"), "birthCertificate");
        assertThat(item.get("statutoryDays").asInt()).isEqualTo(5);
        assertThat(item.get("materials").toString())
                .isEqualTo("[\"deliveryRecord\",\"parentsIdCards\",\"birthOrderRecord\"]");
        assertThat(api.get("manager1", "/api/models/jointInspection/catalog").body().get("items")).isEmpty();
        assertThat(api.get("officer-health", "/api/models/birth/catalog").status()).isEqualTo(403);
    }

    private String taskOf(String caseId, String item) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(item).singleResult().getId();
    }

    private String latestXml(String key) {
        int version = api.get("manager1", "/api/models/" + key + "/versions").body().get(0).get("version").asInt();
        return api.get("manager1", "/api/models/" + key + "/versions/" + version).body().get("xml").asText();
    }

    private int versionOf(String caseId) {
        String definition = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("birth").singleResult().getProcessDefinitionId();
        return Integer.parseInt(definition.split(":")[1]);
    }
}
