package cn.onething.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.onething.ClockConfig;
import cn.onething.testsupport.ModelEngine;

/**
 * Every path of bpmn/rating-rectification.bpmn on a bare in-memory engine, with Camunda's clock moved for
 * the working-day deadlines: rectified, no callback answer, excluded, exclusion refused, appeal upheld and
 * rejected, no appeal, and overdue escalation.
 */
@Deployment(resources = "bpmn/rating-rectification.bpmn")
class RatingRectificationProcessTest {

    /** What the model asked the platform to do, in order. */
    static final List<String> ACTIONS = Collections.synchronizedList(new ArrayList<>());

    /** Stands in for the platform's {@code rectification} bean: records instead of writing. */
    public static class Steps {
        public void callbackAsked(DelegateExecution execution) {
            ACTIONS.add("callbackAsked");
        }

        public void closed(DelegateExecution execution, String status) {
            ACTIONS.add("closed:" + status);
        }
    }

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(buildEngine()).build();

    ProcessEngine processEngine;

    private static ProcessEngine buildEngine() {
        return ModelEngine.build("rectification-test", Map.of("rectification", new Steps(),
                "rectificationOverdue", (TaskListener) task -> ACTIONS.add("overdue:" + task.getTaskDefinitionKey())));
    }

    @BeforeEach
    void start() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(at("2026-09-29T10:00")); // Tuesday before 国庆 2026
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        ACTIONS.clear();
    }

    @AfterAll
    static void close() {
        BpmnAwareTests.reset();
        extension.getProcessEngine().close();
    }

    @Test
    void aVerifiedBadRatingIsRectifiedCalledBackAndClosed() {
        ProcessInstance pi = rating();
        Task verify = task(pi);
        BpmnAwareTests.assertThat(verify).hasDefinitionKey("verify").hasCandidateGroup("hospital:lead");
        assertThat(verify.getDueDate()).isEqualTo(at("2026-09-30T23:59:59")); // 1 working day
        complete(pi, Map.of("verdict", "rectify"));

        Task rectify = task(pi);
        BpmnAwareTests.assertThat(rectify).hasDefinitionKey("rectify").hasCandidateGroup("hospital");
        assertThat(rectify.getDueDate()).as("5 working days across 国庆").isEqualTo(at("2026-10-12T23:59:59"));
        complete(pi, Map.of());
        BpmnAwareTests.assertThat(pi).isWaitingAt("callback");
        assertThat(ACTIONS).containsExactly("callbackAsked");

        answerCallback(pi, true);
        BpmnAwareTests.assertThat(pi).isWaitingAt("appealWindow");
        assertThat(ACTIONS).containsExactly("callbackAsked", "closed:CLOSED");
        ClockUtil.setCurrentTime(at("2026-10-20T00:00"));
        runDueTimers(pi);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("endNoAppeal");
    }

    @Test
    void withoutACallbackAnswerTheRatingClosesWhenTheCallbackTimeRunsOut() {
        ProcessInstance pi = rating();
        complete(pi, Map.of("verdict", "rectify"));
        complete(pi, Map.of());
        // 5 working days from 09-29: 09-30, 10-08, 10-09, Saturday 10-10 (worked), 10-12
        ClockUtil.setCurrentTime(at("2026-10-12T23:00"));
        runDueTimers(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAt("callback");
        ClockUtil.setCurrentTime(at("2026-10-13T00:00"));
        runDueTimers(pi);
        BpmnAwareTests.assertThat(pi).hasPassed("callbackTimeout", "closeRectified").isWaitingAt("appealWindow");
    }

    @Test
    void aMistakenRatingIsExcludedOnlyWithTheRatingOfficesApproval() {
        ProcessInstance pi = rating();
        complete(pi, Map.of("verdict", "exclude"));
        Task review = task(pi);
        BpmnAwareTests.assertThat(review).hasDefinitionKey("reviewExclusion").hasCandidateGroup("manager");
        complete(pi, Map.of("exclusionApproved", true));
        assertThat(ACTIONS).containsExactly("closed:EXCLUDED");
        BpmnAwareTests.assertThat(pi).isWaitingAt("appealWindow");
    }

    @Test
    void aRefusedExclusionGoesToRectification() {
        ProcessInstance pi = rating();
        complete(pi, Map.of("verdict", "exclude"));
        complete(pi, Map.of("exclusionApproved", false));
        BpmnAwareTests.assertThat(task(pi)).hasDefinitionKey("rectify");
    }

    @Test
    void anUpheldAppealReopensTheRectificationAndARejectedOneEndsIt() {
        ProcessInstance pi = rating();
        complete(pi, Map.of("verdict", "rectify"));
        complete(pi, Map.of());
        answerCallback(pi, false);
        appeal(pi);
        BpmnAwareTests.assertThat(task(pi)).hasDefinitionKey("reviewAppeal").hasCandidateGroup("manager");
        complete(pi, Map.of("appealUpheld", true));
        BpmnAwareTests.assertThat(task(pi)).hasDefinitionKey("rectify");

        complete(pi, Map.of());
        answerCallback(pi, false);
        appeal(pi);
        complete(pi, Map.of("appealUpheld", false));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("endAppealRejected");
        assertThat(ACTIONS).containsExactly("callbackAsked", "closed:CLOSED", "callbackAsked", "closed:CLOSED");
    }

    @Test
    void anOverdueStepIsEscalatedAndStaysOpen() {
        ProcessInstance pi = rating();
        ClockUtil.setCurrentTime(at("2026-10-01T08:00")); // verification was due by the end of 09-30
        runDueTimers(pi);
        assertThat(ACTIONS).containsExactly("overdue:verify");
        BpmnAwareTests.assertThat(task(pi)).hasDefinitionKey("verify");
    }

    private ProcessInstance rating() {
        return processEngine.getRuntimeService().startProcessInstanceByKey("ratingRectification",
                UUID.randomUUID().toString(), Map.of("department", "hospital", "rectifyDays", 5, "callbackDays", 5,
                        "appealDays", 5));
    }

    private Task task(ProcessInstance pi) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private void complete(ProcessInstance pi, Map<String, Object> variables) {
        processEngine.getTaskService().complete(task(pi).getId(), variables);
    }

    private void answerCallback(ProcessInstance pi, boolean solved) {
        processEngine.getRuntimeService().createMessageCorrelation("rectification-callback")
                .processInstanceId(pi.getId()).setVariable("solved", solved).correlate();
    }

    private void appeal(ProcessInstance pi) {
        processEngine.getRuntimeService().createMessageCorrelation("rectification-appeal")
                .processInstanceId(pi.getId()).correlate();
    }

    private void runDueTimers(ProcessInstance pi) {
        processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().executable()
                .list().forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    }

    private static Date at(String beijingTime) {
        return Date.from(LocalDateTime.parse(beijingTime).atZone(ClockConfig.BEIJING).toInstant());
    }
}
