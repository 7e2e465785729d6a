package cn.onething.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.assertj.core.groups.Tuple;

import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.ItemSettings;

/** Each rule of the validation before deployment, on a model broken for it; the shipped models pass. */
class ModelValidatorTest {

    private static final Set<String> BEANS = Set.of("deadlines", "deadlineWarning", "deadlineEscalation",
            "inspections", "licences", "credit", "commitments", "rectification", "rectificationOverdue");

    private final ModelValidator validator = new ModelValidator(new BundleCatalog(), BEANS::contains);

    @ParameterizedTest
    @ValueSource(strings = {"birth", "joint-inspection", "occupationalHealth", "medicalInstitution",
            "publicVenueHygiene", "rating-rectification"})
    void theShippedModelsHaveNoErrors(String file) {
        assertThat(validator.validate(shipped(file))).filteredOn(p -> p.severity() == ModelProblem.Severity.ERROR)
                .isEmpty();
    }

    @Test
    void aModelThatDoesNotParseIsOneError() {
        assertThat(validator.validate(shipped("birth").substring(0, 2000))).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("parse"));
    }

    @Test
    void everyUserTaskNeedsAKnownDepartmentAndPromisesNoMoreThanTheStatutoryDays() {
        String xml = vaccinationPromising(6).replace("camunda:candidateGroups=\"police\"",
                "camunda:candidateGroups=\"nowhere\"");

        assertThat(validator.validate(xml)).extracting(ModelProblem::elementId, ModelProblem::rule)
                .contains(Tuple.tuple("householdRegistration", "department"), Tuple.tuple("vaccination", "catalog"));
    }

    @Test
    void anItemMayMoveToAnotherKnownDepartmentWithFewerPromisedDays() {
        String xml = vaccinationPromising(3).replace("camunda:candidateGroups=\"cdc\"",
                "camunda:candidateGroups=\"health\"");

        assertThat(validator.validate(xml)).filteredOn(p -> p.severity() == ModelProblem.Severity.ERROR).isEmpty();
    }

    /** birth.bpmn with 预防接种证 promising `days` working days (a property a manager sets in the modeler). */
    static String vaccinationPromising(int days) {
        return birthWithProperty("cdc", ItemSettings.PROMISED_DAYS, String.valueOf(days));
    }

    /** birth.bpmn with a property on the item task of the given department, as the modeler's panel writes it. */
    static String birthWithProperty(String department, String name, String value) {
        String tag = "camunda:candidateGroups=\"" + department + "\">\n      <bpmn:extensionElements>";
        String birth = shipped("birth");
        assertThat(birth).contains(tag);
        return birth.replace(tag, tag + "<camunda:properties><camunda:property name=\"" + name + "\" value=\""
                + value + "\" /></camunda:properties>");
    }

    @Test
    void anItemAsksOnlyTheBundlesFieldsAndMaterials() {
        assertThat(validator.validate(birthWithProperty("hospital", ItemSettings.MATERIALS, "deliveryRecord,selfie")))
                .extracting(ModelProblem::elementId, ModelProblem::rule, ModelProblem::message)
                .contains(Tuple.tuple("birthCertificate", "catalog",
                        "与办事目录不一致：item 'birthCertificate': 材料「selfie」不是本一件事的材料 (unknown material in property materials)"));
        assertThat(validator.validate(birthWithProperty("hospital", ItemSettings.FIELDS, "babyName,shoeSize")))
                .extracting(ModelProblem::elementId, ModelProblem::rule).contains(Tuple.tuple("birthCertificate", "catalog"));
        assertThat(validator.validate(birthWithProperty("hospital", ItemSettings.MATERIALS, "deliveryRecord")))
                .as("减材料: dropping one is fine").filteredOn(p -> p.severity() == ModelProblem.Severity.ERROR).isEmpty();
    }

    @Test
    void aCommitmentItemKeepsItsCommitmentAndTheLicenceKeepsWhatItPrints() {
        String task = "camunda:expression=\"${commitments.approve(execution)}\">";
        String venue = shipped("publicVenueHygiene");
        assertThat(venue).contains(task);
        String xml = venue.replace(task, task + "<bpmn:extensionElements><camunda:properties><camunda:property"
                + " name=\"fields\" value=\"enterpriseName,creditCode\" /></camunda:properties></bpmn:extensionElements>");

        List<String> messages = validator.validate(xml).stream().map(ModelProblem::message).toList();

        assertThat(messages).anySatisfy(m -> assertThat(m).contains("hygienePermit").contains("承诺书"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("hygieneLicence").contains("场所类别"));
    }

    @Test
    void aParallelSplitNeedsItsJoinAndNothingMayBeADeadEndOrUnreachable() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("drill").camundaHistoryTimeToLive(30)
                .startEvent("start").parallelGateway("fork")
                .userTask("a").name("甲").camundaCandidateGroups("health").endEvent("endA")
                .moveToNode("fork").userTask("b").name("乙").camundaCandidateGroups("health")
                .done();

        List<ModelProblem> problems = validator.validate(Bpmn.convertToString(model));

        assertThat(problems).extracting(ModelProblem::elementId, ModelProblem::rule).contains(
                Tuple.tuple("fork", "unbalanced"),
                Tuple.tuple("b", "deadEnd"));
        assertThat(problems).filteredOn(p -> p.rule().equals("deadline")).as("warnings only")
                .allSatisfy(p -> assertThat(p.severity()).isEqualTo(ModelProblem.Severity.WARNING));
    }

    @Test
    void timersMustBeValidAndHistoryTimeToLiveSet() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("drill")
                .startEvent().userTask("wait").name("等待").camundaCandidateGroups("health")
                .boundaryEvent("late").timerWithDuration("soon").endEvent()
                .moveToActivity("wait").endEvent()
                .done();
        // the builder sets a default; a model drawn in the editor may have none
        String xml = Bpmn.convertToString(model).replaceAll("camunda:historyTimeToLive=\"[^\"]*\"", "");

        assertThat(validator.validate(xml)).extracting(ModelProblem::elementId,
                ModelProblem::rule).contains(Tuple.tuple("late", "timer"),
                        Tuple.tuple("drill", "historyTimeToLive"));
    }

    @Test
    void expressionsMayCallOnlyThePlatformsBeans() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("drill").camundaHistoryTimeToLive(30)
                .startEvent().serviceTask("step").name("发证").camundaExpression("${nosuch.issue(execution)}")
                .serviceTask("fine").name("也发证").camundaExpression("${licences.issue(execution)}")
                .endEvent().done();

        assertThat(validator.validate(Bpmn.convertToString(model))).filteredOn(p -> p.rule().equals("expression"))
                .singleElement().satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("step");
                    assertThat(p.message()).contains("nosuch");
                });
    }

    static String shipped(String file) {
        try (InputStream in = ModelValidatorTest.class.getResourceAsStream("/bpmn/" + file + ".bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
