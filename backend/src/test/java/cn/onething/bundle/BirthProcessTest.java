package cn.onething.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.onething.ClockConfig;
import cn.onething.testsupport.ModelEngine;
import cn.onething.timelimit.Deadlines;

/**
 * Unit tests of the 出生一件事 model (bpmn/birth.bpmn) on a bare in-memory engine: no Spring context,
 * no camunda.cfg.xml (Spring Boot tests in this module run their own engine).
 */
@Deployment(resources = BirthProcessTest.MODEL)
class BirthProcessTest {

  static final String MODEL = "bpmn/birth.bpmn";
  static final String CATALOG = "bpmn/bundles/birth.yaml";
  static final String PROCESS_KEY = "birth";

  static final String BIRTH_CERTIFICATE = "birthCertificate";
  static final String VACCINATION = "vaccination";
  static final String HOUSEHOLD_REGISTRATION = "householdRegistration";
  static final String SOCIAL_SECURITY_CARD = "socialSecurityCard";
  static final String MEDICAL_INSURANCE = "medicalInsurance";
  static final String CHILDREN_FUND = "childrenFund";
  static final String MATERNITY_BENEFIT = "maternityBenefit";

  static final List<String> ALL_ITEMS = List.of(BIRTH_CERTIFICATE, VACCINATION, HOUSEHOLD_REGISTRATION,
      SOCIAL_SECURITY_CARD, MEDICAL_INSURANCE, CHILDREN_FUND, MATERNITY_BENEFIT);
  static final List<String> DEPENDENTS_OF_HOUSEHOLD = List.of(SOCIAL_SECURITY_CARD, MEDICAL_INSURANCE, CHILDREN_FUND);

  static final String END_EVENT = "EndEvent_completed";
  static final String JOIN_ITEMS = "Gateway_joinItems";

  static final String APPROVE = "approve";
  static final String REJECT = "reject";
  static final String RETURN = "return";

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(buildEngine()).build();

  ProcessEngine processEngine; // injected by the extension
  private RuntimeService runtimeService;
  private TaskService taskService;
  private HistoryService historyService;

  private static ProcessEngine buildEngine() {
    // The two timers' actions are only recorded here; the platform's are tested in the timelimit feature.
    return ModelEngine.build("birth-process-test", Map.of(
        "deadlineWarning", (TaskListener) task -> TIMER_ACTIONS.add("warning:" + task.getTaskDefinitionKey()),
        "deadlineEscalation", (TaskListener) task -> TIMER_ACTIONS.add("escalation:" + task.getTaskDefinitionKey())));
  }


  static final List<String> TIMER_ACTIONS = java.util.Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    TIMER_ACTIONS.clear();
  }

  @AfterAll
  static void closeEngine() {
    BpmnAwareTests.reset();
    extension.getProcessEngine().close();
  }

  @BeforeEach
  void setUp() {
    // explicit: other engines (Spring Boot tests) may be registered in the same JVM
    BpmnAwareTests.init(processEngine);
    runtimeService = processEngine.getRuntimeService();
    taskService = processEngine.getTaskService();
    historyService = processEngine.getHistoryService();
  }

  // ---------------------------------------------------------------- behaviour

  @Test
  void everyItemTaskIsDueOnItsWorkingDayDeadlineWithAWarningAndAnEscalationTimer() {
    // Tuesday 29 September 2026, before 国庆 (10-01…10-07 off, Saturday 10-10 worked)
    ClockUtil.setCurrentTime(at("2026-09-29T10:00"));
    ProcessInstance pi = start();

    Task certificate = openTask(pi, BIRTH_CERTIFICATE); // promised 1 working day
    assertThat(certificate.getDueDate()).isEqualTo(at("2026-09-30T23:59:59"));
    assertThat(certificate.getFollowUpDate()).isEqualTo(at("2026-09-29T00:00")); // near from the start
    Task maternity = openTask(pi, MATERNITY_BENEFIT); // promised 3 working days: 09-30, 10-08, 10-09
    assertThat(maternity.getDueDate()).isEqualTo(at("2026-10-09T23:59:59"));
    assertThat(maternity.getFollowUpDate()).isEqualTo(at("2026-10-08T00:00")); // 1 day left, after the holiday
    List<Job> timers = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .timers().orderByJobDuedate().asc().list();
    assertThat(timers).hasSize(6);
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .timers().duedateHigherThan(at("2026-10-09T23:59:59")).singleResult().getDuedate())
        .isEqualTo(at("2026-10-10T00:00"));

    ClockUtil.setCurrentTime(at("2026-10-01T08:00"));
    executeDueTimers(pi);
    assertThat(TIMER_ACTIONS).containsExactlyInAnyOrder("warning:" + BIRTH_CERTIFICATE, "warning:" + VACCINATION,
        "escalation:" + BIRTH_CERTIFICATE, "escalation:" + VACCINATION);
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly(BIRTH_CERTIFICATE, VACCINATION, MATERNITY_BENEFIT);
  }

  @Test
  void aTaskResumedAfterASupplementGetsOnlyTheWorkingDaysLeft() {
    ClockUtil.setCurrentTime(at("2026-09-29T10:00"));
    ProcessInstance pi = start();
    decide(pi, MATERNITY_BENEFIT, RETURN);

    ClockUtil.setCurrentTime(at("2026-10-08T09:00"));
    runtimeService.createMessageCorrelation("supplement-" + MATERNITY_BENEFIT).processInstanceId(pi.getId())
        .setVariable(Deadlines.elapsedVariable(MATERNITY_BENEFIT), 1).correlate();

    // 2 of 3 days left, counted from 10-08: 10-09 and Saturday 10-10 (调休 worked)
    assertThat(openTask(pi, MATERNITY_BENEFIT).getDueDate()).isEqualTo(at("2026-10-10T23:59:59"));
  }

  private static java.util.Date at(String beijingTime) {
    return java.util.Date.from(java.time.LocalDateTime.parse(beijingTime).atZone(ClockConfig.BEIJING).toInstant());
  }

  private void executeDueTimers(ProcessInstance pi) {
    processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().executable().list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
  }

  @Test
  void happyPathOpensItemsInDependencyOrderAndEnds() {
    ProcessInstance pi = start();

    assertThat(openItems(pi)).containsExactlyInAnyOrder(BIRTH_CERTIFICATE, VACCINATION, MATERNITY_BENEFIT);
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly(BIRTH_CERTIFICATE, VACCINATION, MATERNITY_BENEFIT);
    BpmnAwareTests.assertThat(openTask(pi, BIRTH_CERTIFICATE)).hasCandidateGroup("hospital").isNotAssigned();
    BpmnAwareTests.assertThat(openTask(pi, VACCINATION)).hasCandidateGroup("cdc").isNotAssigned();
    BpmnAwareTests.assertThat(openTask(pi, MATERNITY_BENEFIT)).hasCandidateGroup("medicare").isNotAssigned();
    // the department inbox query the backend uses
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("hospital").list())
        .extracting(Task::getTaskDefinitionKey).containsExactly(BIRTH_CERTIFICATE);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("police").count())
        .isZero();

    decide(pi, BIRTH_CERTIFICATE, APPROVE);
    assertThat(openItems(pi)).containsExactlyInAnyOrder(HOUSEHOLD_REGISTRATION, VACCINATION, MATERNITY_BENEFIT);
    BpmnAwareTests.assertThat(openTask(pi, HOUSEHOLD_REGISTRATION)).hasCandidateGroup("police");
    assertThat(createdActivities(pi)).doesNotContainAnyElementsOf(DEPENDENTS_OF_HOUSEHOLD);

    decide(pi, HOUSEHOLD_REGISTRATION, APPROVE);
    assertThat(openItems(pi)).containsExactlyInAnyOrder(VACCINATION, MATERNITY_BENEFIT,
        SOCIAL_SECURITY_CARD, MEDICAL_INSURANCE, CHILDREN_FUND);
    BpmnAwareTests.assertThat(openTask(pi, SOCIAL_SECURITY_CARD)).hasCandidateGroup("hrss");
    BpmnAwareTests.assertThat(openTask(pi, MEDICAL_INSURANCE)).hasCandidateGroup("medicare");
    BpmnAwareTests.assertThat(openTask(pi, CHILDREN_FUND)).hasCandidateGroup("union");

    decide(pi, SOCIAL_SECURITY_CARD, APPROVE);
    decide(pi, MEDICAL_INSURANCE, APPROVE);
    decide(pi, VACCINATION, APPROVE);
    BpmnAwareTests.assertThat(pi).isNotEnded();
    decide(pi, CHILDREN_FUND, APPROVE);
    BpmnAwareTests.assertThat(pi).isNotEnded();
    assertThat(openItems(pi)).containsExactly(MATERNITY_BENEFIT);
    decide(pi, MATERNITY_BENEFIT, APPROVE);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_EVENT);
    BpmnAwareTests.assertThat(pi).hasPassed(ALL_ITEMS.toArray(String[]::new));
    assertThat(completedItems(pi)).containsExactlyInAnyOrderElementsOf(ALL_ITEMS);
    assertThat(createdActivities(pi)).doesNotContainAnyElementsOf(supplementTasks(ALL_ITEMS));
  }

  @Test
  void independentItemsDoNotOpenDependentItems() {
    ProcessInstance pi = start();

    decide(pi, VACCINATION, APPROVE);
    decide(pi, MATERNITY_BENEFIT, APPROVE);

    BpmnAwareTests.assertThat(pi).isNotEnded();
    assertThat(openItems(pi)).containsExactly(BIRTH_CERTIFICATE);
    assertThat(createdActivities(pi)).doesNotContain(HOUSEHOLD_REGISTRATION)
        .doesNotContainAnyElementsOf(DEPENDENTS_OF_HOUSEHOLD);
    // the two decided branches wait at the join for the birth certificate branch
    BpmnAwareTests.assertThat(pi).isWaitingAt(BIRTH_CERTIFICATE, JOIN_ITEMS)
        .isNotWaitingAt(HOUSEHOLD_REGISTRATION, "Gateway_forkDependents", "Gateway_mergeRegistration");

    decide(pi, BIRTH_CERTIFICATE, APPROVE);
    assertThat(openItems(pi)).containsExactly(HOUSEHOLD_REGISTRATION);
    assertThat(createdActivities(pi)).doesNotContainAnyElementsOf(DEPENDENTS_OF_HOUSEHOLD);

    decide(pi, HOUSEHOLD_REGISTRATION, APPROVE);
    assertThat(openItems(pi)).containsExactlyInAnyOrderElementsOf(DEPENDENTS_OF_HOUSEHOLD);
    DEPENDENTS_OF_HOUSEHOLD.forEach(item -> decide(pi, item, APPROVE));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_EVENT);
  }

  @Test
  void rejectedBirthCertificateSkipsHouseholdRegistrationAndItsDependents() {
    ProcessInstance pi = start();

    decide(pi, BIRTH_CERTIFICATE, REJECT);

    assertThat(openItems(pi)).containsExactlyInAnyOrder(VACCINATION, MATERNITY_BENEFIT);
    decide(pi, VACCINATION, APPROVE);
    BpmnAwareTests.assertThat(pi).isNotEnded();
    decide(pi, MATERNITY_BENEFIT, REJECT);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_EVENT);
    assertThat(createdActivities(pi)).doesNotContain(HOUSEHOLD_REGISTRATION)
        .doesNotContainAnyElementsOf(DEPENDENTS_OF_HOUSEHOLD);
    assertThat(completedItems(pi)).containsExactlyInAnyOrder(BIRTH_CERTIFICATE, VACCINATION, MATERNITY_BENEFIT);
    assertThat(decisionOf(pi, BIRTH_CERTIFICATE)).isEqualTo(REJECT);
  }

  @Test
  void rejectedBirthCertificateAfterTheOthersEndsTheProcess() {
    ProcessInstance pi = start();

    decide(pi, VACCINATION, APPROVE);
    decide(pi, MATERNITY_BENEFIT, APPROVE);
    BpmnAwareTests.assertThat(pi).isNotEnded();
    decide(pi, BIRTH_CERTIFICATE, REJECT);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_EVENT);
    assertThat(createdActivities(pi)).doesNotContain(HOUSEHOLD_REGISTRATION)
        .doesNotContainAnyElementsOf(DEPENDENTS_OF_HOUSEHOLD);
  }

  @Test
  void rejectedHouseholdRegistrationSkipsItsDependents() {
    ProcessInstance pi = start();

    decide(pi, BIRTH_CERTIFICATE, APPROVE);
    decide(pi, HOUSEHOLD_REGISTRATION, REJECT);

    assertThat(openItems(pi)).containsExactlyInAnyOrder(VACCINATION, MATERNITY_BENEFIT);
    decide(pi, VACCINATION, APPROVE);
    decide(pi, MATERNITY_BENEFIT, APPROVE);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_EVENT);
    assertThat(createdActivities(pi)).doesNotContainAnyElementsOf(DEPENDENTS_OF_HOUSEHOLD);
    assertThat(completedItems(pi)).containsExactlyInAnyOrder(BIRTH_CERTIFICATE, HOUSEHOLD_REGISTRATION,
        VACCINATION, MATERNITY_BENEFIT);
  }

  @Test
  void rejectedLeafItemStillLetsTheProcessEnd() {
    ProcessInstance pi = start();

    decide(pi, BIRTH_CERTIFICATE, APPROVE);
    decide(pi, HOUSEHOLD_REGISTRATION, APPROVE);
    decide(pi, CHILDREN_FUND, REJECT);
    assertThat(openItems(pi)).containsExactlyInAnyOrder(VACCINATION, MATERNITY_BENEFIT,
        SOCIAL_SECURITY_CARD, MEDICAL_INSURANCE);
    decide(pi, SOCIAL_SECURITY_CARD, APPROVE);
    decide(pi, MEDICAL_INSURANCE, APPROVE);
    decide(pi, VACCINATION, REJECT);
    BpmnAwareTests.assertThat(pi).isNotEnded();
    decide(pi, MATERNITY_BENEFIT, APPROVE);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_EVENT);
    assertThat(completedItems(pi)).containsExactlyInAnyOrderElementsOf(ALL_ITEMS);
    assertThat(decisionOf(pi, CHILDREN_FUND)).isEqualTo(REJECT);
  }

  @Test
  void returnedBirthCertificateWaitsForSupplementAndResumes() {
    ProcessInstance pi = start();

    decide(pi, BIRTH_CERTIFICATE, RETURN);

    BpmnAwareTests.assertThat(pi).isWaitingAtExactly("birthCertificateSupplement", VACCINATION, MATERNITY_BENEFIT);
    BpmnAwareTests.assertThat(pi).isWaitingFor("supplement-birthCertificate");
    assertThat(openItems(pi)).containsExactlyInAnyOrder(VACCINATION, MATERNITY_BENEFIT);
    assertThat(createdActivities(pi)).doesNotContain(HOUSEHOLD_REGISTRATION);

    runtimeService.createMessageCorrelation("supplement-birthCertificate")
        .processInstanceId(pi.getId())
        .correlate();

    assertThat(openItems(pi)).containsExactlyInAnyOrder(BIRTH_CERTIFICATE, VACCINATION, MATERNITY_BENEFIT);
    BpmnAwareTests.assertThat(openTask(pi, BIRTH_CERTIFICATE)).hasCandidateGroup("hospital");
    BpmnAwareTests.assertThat(pi).isNotWaitingAt("birthCertificateSupplement");
    assertThat(createdActivities(pi)).doesNotContain(HOUSEHOLD_REGISTRATION);

    decide(pi, BIRTH_CERTIFICATE, APPROVE);
    assertThat(openItems(pi)).containsExactlyInAnyOrder(HOUSEHOLD_REGISTRATION, VACCINATION, MATERNITY_BENEFIT);
    assertThat(historicTasks(pi, BIRTH_CERTIFICATE)).as("birth certificate reviewed twice").isEqualTo(2);

    decide(pi, HOUSEHOLD_REGISTRATION, APPROVE);
    DEPENDENTS_OF_HOUSEHOLD.forEach(item -> decide(pi, item, APPROVE));
    decide(pi, VACCINATION, APPROVE);
    decide(pi, MATERNITY_BENEFIT, APPROVE);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("birthCertificateSupplement", END_EVENT);
  }

  @Test
  void returnedLeafItemWaitsForSupplementAndResumes() {
    ProcessInstance pi = start();

    decide(pi, VACCINATION, APPROVE);
    decide(pi, BIRTH_CERTIFICATE, REJECT);
    decide(pi, MATERNITY_BENEFIT, RETURN);

    BpmnAwareTests.assertThat(pi).isNotEnded()
        .isWaitingAt("maternityBenefitSupplement", JOIN_ITEMS)
        .isNotWaitingAt(MATERNITY_BENEFIT);
    assertThat(openItems(pi)).isEmpty();

    runtimeService.correlateMessage("supplement-maternityBenefit", pi.getBusinessKey());

    assertThat(openItems(pi)).containsExactly(MATERNITY_BENEFIT);
    BpmnAwareTests.assertThat(openTask(pi, MATERNITY_BENEFIT)).hasCandidateGroup("medicare");
    decide(pi, MATERNITY_BENEFIT, APPROVE);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("maternityBenefitSupplement", END_EVENT);
    assertThat(historicTasks(pi, MATERNITY_BENEFIT)).isEqualTo(2);
  }

  @Test
  void everyItemCanBeReturnedAndResumed() {
    ProcessInstance pi = start();
    for (String item : List.of(BIRTH_CERTIFICATE, HOUSEHOLD_REGISTRATION)) {
      decide(pi, item, RETURN);
      assertThat(openItems(pi)).doesNotContain(item);
      BpmnAwareTests.assertThat(pi).isWaitingAt(item + "Supplement");
      supplement(pi, item);
      decide(pi, item, APPROVE);
    }
    for (String item : List.of(SOCIAL_SECURITY_CARD, MEDICAL_INSURANCE, CHILDREN_FUND, VACCINATION, MATERNITY_BENEFIT)) {
      decide(pi, item, RETURN);
      assertThat(openItems(pi)).doesNotContain(item);
      BpmnAwareTests.assertThat(pi).isWaitingAt(item + "Supplement");
      supplement(pi, item);
      assertThat(openItems(pi)).contains(item);
    }
    for (String item : List.of(SOCIAL_SECURITY_CARD, MEDICAL_INSURANCE, CHILDREN_FUND, VACCINATION, MATERNITY_BENEFIT)) {
      decide(pi, item, APPROVE);
    }
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(supplementTasks(ALL_ITEMS).toArray(String[]::new));
  }

  // ---------------------------------------------------------------- model

  @Test
  void everyUserTaskHasCandidateGroupsAndNoAssignee() {
    BpmnModelInstance model = readModel();
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);

    assertThat(userTasks).hasSize(ALL_ITEMS.size());
    for (UserTask task : userTasks) {
      assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaAssignee()).as("assignee of %s", task.getId()).isNull();
      assertThat(task.getName()).as("name of %s", task.getId()).isNotBlank();
    }
    Process process = model.getModelElementById(PROCESS_KEY);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getName()).isEqualTo("出生一件事");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
  }

  @Test
  void everyCatalogItemHasAUserTaskAndASupplementReceiveTask() throws IOException {
    BpmnModelInstance model = readModel();
    JsonNode catalog = readCatalog();
    assertThat(catalog.path("process").asText()).isEqualTo(PROCESS_KEY);

    List<String> codes = new ArrayList<>();
    for (JsonNode item : catalog.path("items")) {
      String code = item.path("code").asText();
      codes.add(code);

      UserTask task = model.getModelElementById(code);
      assertThat(task).as("user task %s", code).isNotNull();
      assertThat(task.getName()).isEqualTo(item.path("name").asText());
      assertThat(task.getCamundaCandidateGroups()).isEqualTo(item.path("department").asText());

      ReceiveTask supplement = model.getModelElementById(code + "Supplement");
      assertThat(supplement).as("receive task %sSupplement", code).isNotNull();
      assertThat(supplement.getMessage()).isNotNull();
      assertThat(supplement.getMessage().getName()).isEqualTo("supplement-" + code);
      assertThat(supplement.getOutgoing()).extracting(flow -> flow.getTarget().getId()).containsExactly(code);
      assertThat(task.getIncoming()).extracting(flow -> flow.getSource().getId()).contains(code + "Supplement");

      ExclusiveGateway decided = model.getModelElementById(code + "Decided");
      assertThat(decided).as("gateway %sDecided", code).isNotNull();
      assertThat(task.getOutgoing()).extracting(flow -> flow.getTarget().getId()).containsExactly(code + "Decided");
      assertThat(decided.getOutgoing()).anySatisfy(flow -> {
        assertThat(flow.getTarget().getId()).isEqualTo(code + "Supplement");
        assertThat(flow.getConditionExpression().getTextContent()).contains(code + "Decision == 'return'");
      });
    }
    assertThat(codes).containsExactlyInAnyOrderElementsOf(ALL_ITEMS);
  }

  @Test
  void modelDependenciesMatchTheCatalog() throws IOException {
    BpmnModelInstance model = readModel();
    FlowNode startEvent = model.getModelElementsByType(StartEvent.class).iterator().next();
    JsonNode catalog = readCatalog();
    Set<String> itemCodes = new HashSet<>();
    catalog.path("items").forEach(item -> itemCodes.add(item.path("code").asText()));

    for (JsonNode item : catalog.path("items")) {
      String code = item.path("code").asText();
      List<String> dependsOn = new ArrayList<>();
      item.path("dependsOn").forEach(dependency -> dependsOn.add(dependency.asText()));

      if (dependsOn.isEmpty()) {
        // reachable from the start without passing any other item
        assertThat(reachable(startEvent, code, flow -> !isOtherItem(flow.getTarget(), code, itemCodes)))
            .as("%s reachable without other items", code).isTrue();
      }
      for (String dependency : dependsOn) {
        // every path to the item goes through the dependency's approve flow
        Predicate<SequenceFlow> notApproved = flow -> !(flow.getSource().getId().equals(dependency + "Decided")
            && flow.getConditionExpression() != null
            && flow.getConditionExpression().getTextContent().contains(dependency + "Decision == 'approve'"));
        assertThat(reachable(startEvent, code, notApproved))
            .as("%s reachable without approving %s", code, dependency).isFalse();
        assertThat(reachable(startEvent, code, flow -> true)).as("%s reachable", code).isTrue();
      }
    }
  }

  @Test
  void gatewaysAreWellFormed() {
    BpmnModelInstance model = readModel();
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() < 2) {
        continue; // merge
      }
      for (SequenceFlow flow : gateway.getOutgoing()) {
        boolean isDefault = flow.equals(gateway.getDefault());
        assertThat(isDefault || flow.getConditionExpression() != null)
            .as("flow %s of %s has a condition or is the default", flow.getId(), gateway.getId()).isTrue();
        assertThat(flow.getName()).as("name of flow %s", flow.getId()).isNotBlank();
      }
    }
    // leaf items: the non-return flow is the default
    for (String leaf : List.of(VACCINATION, SOCIAL_SECURITY_CARD, MEDICAL_INSURANCE, CHILDREN_FUND, MATERNITY_BENEFIT)) {
      ExclusiveGateway gateway = model.getModelElementById(leaf + "Decided");
      assertThat(gateway.getDefault()).as("default of %sDecided", leaf).isNotNull();
      assertThat(gateway.getDefault().getTarget()).isInstanceOf(ParallelGateway.class);
    }
    // each parallel join has as many incoming flows as its fork has branches
    for (ParallelGateway gateway : model.getModelElementsByType(ParallelGateway.class)) {
      assertThat(gateway.getIncoming().size() == 1 || gateway.getOutgoing().size() == 1)
          .as("%s is either a fork or a join", gateway.getId()).isTrue();
    }
    ParallelGateway forkItems = model.getModelElementById("Gateway_forkItems");
    ParallelGateway joinItems = model.getModelElementById(JOIN_ITEMS);
    ParallelGateway forkDependents = model.getModelElementById("Gateway_forkDependents");
    ParallelGateway joinDependents = model.getModelElementById("Gateway_joinDependents");
    assertThat(joinItems.getIncoming()).hasSameSizeAs(forkItems.getOutgoing()).hasSize(3);
    assertThat(joinDependents.getIncoming()).hasSameSizeAs(forkDependents.getOutgoing()).hasSize(3);
  }

  @Test
  void diagramCoversEveryElementWithoutOverlappingShapes() {
    BpmnModelInstance model = readModel();
    BpmnPlane plane = model.getModelElementsByType(BpmnPlane.class).iterator().next();
    assertThat(plane.getBpmnElement().getId()).isEqualTo(PROCESS_KEY);

    Map<String, Bounds> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .collect(Collectors.toMap(shape -> shape.getBpmnElement().getId(), BpmnShape::getBounds));
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .peek(edge -> assertThat(edge.getWaypoints()).as("waypoints of %s", edge.getId()).hasSizeGreaterThanOrEqualTo(2))
        .map(edge -> edge.getBpmnElement().getId())
        .collect(Collectors.toSet());

    Set<String> flowNodes = model.getModelElementsByType(FlowNode.class).stream()
        .map(FlowNode::getId).collect(Collectors.toSet());
    Set<String> sequenceFlows = model.getModelElementsByType(SequenceFlow.class).stream()
        .map(SequenceFlow::getId).collect(Collectors.toSet());
    assertThat(shapes.keySet()).containsExactlyInAnyOrderElementsOf(flowNodes);
    assertThat(edges).containsExactlyInAnyOrderElementsOf(sequenceFlows);

    List<Map.Entry<String, Bounds>> entries = new ArrayList<>(shapes.entrySet());
    for (int i = 0; i < entries.size(); i++) {
      for (int j = i + 1; j < entries.size(); j++) {
        assertThat(overlap(entries.get(i).getValue(), entries.get(j).getValue()))
            .as("%s overlaps %s", entries.get(i).getKey(), entries.get(j).getKey()).isFalse();
      }
    }
    // the return loop is visible: each receive task sits below its user task
    for (String item : ALL_ITEMS) {
      Bounds task = shapes.get(item);
      Bounds supplement = shapes.get(item + "Supplement");
      assertThat(supplement.getY()).as("%sSupplement below %s", item, item)
          .isGreaterThanOrEqualTo(task.getY() + task.getHeight());
    }
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, "birth-" + UUID.randomUUID());
  }

  private Task openTask(ProcessInstance pi, String item) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(item).singleResult();
    assertThat(task).as("open task %s", item).isNotNull();
    return task;
  }

  private void decide(ProcessInstance pi, String item, String decision) {
    taskService.complete(openTask(pi, item).getId(), Map.of(item + "Decision", decision));
  }

  private void supplement(ProcessInstance pi, String item) {
    runtimeService.createMessageCorrelation("supplement-" + item).processInstanceId(pi.getId()).correlate();
  }

  private List<String> openItems(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  /** activities ever entered, finished or not */
  private Set<String> createdActivities(ProcessInstance pi) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list().stream()
        .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
  }

  private Set<String> completedItems(ProcessInstance pi) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).finished().list().stream()
        .map(task -> task.getTaskDefinitionKey()).collect(Collectors.toSet());
  }

  private long historicTasks(ProcessInstance pi, String item) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(item).count();
  }

  private Object decisionOf(ProcessInstance pi, String item) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(item + "Decision").singleResult().getValue();
  }

  private static List<String> supplementTasks(List<String> items) {
    return items.stream().map(item -> item + "Supplement").toList();
  }

  private static BpmnModelInstance readModel() {
    try (InputStream in = resource(MODEL)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readCatalog() throws IOException {
    try (InputStream in = resource(CATALOG)) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = BirthProcessTest.class.getClassLoader().getResourceAsStream(path);
    assertThat(in).as("classpath resource %s", path).isNotNull();
    return in;
  }

  private static boolean isOtherItem(FlowNode node, String item, Set<String> itemCodes) {
    return node instanceof UserTask && itemCodes.contains(node.getId()) && !node.getId().equals(item);
  }

  /** whether {@code targetId} can be reached from {@code from} following only flows accepted by {@code follow} */
  private static boolean reachable(FlowNode from, String targetId, Predicate<SequenceFlow> follow) {
    Deque<FlowNode> todo = new ArrayDeque<>(List.of(from));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      FlowNode node = todo.pop();
      if (!seen.add(node.getId())) {
        continue;
      }
      if (node.getId().equals(targetId)) {
        return true;
      }
      for (SequenceFlow flow : node.getOutgoing()) {
        if (follow.test(flow)) {
          todo.push(flow.getTarget());
        }
      }
    }
    return false;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
