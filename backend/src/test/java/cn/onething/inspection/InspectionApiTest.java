package cn.onething.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.Concurrently;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.testsupport.EngineClock;
import cn.onething.testsupport.PlatformTest;

/**
 * The joint site inspection block through the API, on every path: a rescheduled visit, all pass, one fails,
 * conditions and a re-check, a missed rectification deadline, and an overdue step escalated. 职业健康一件事
 * runs it: health (lead) and ecology inspect together. The engine's clock starts on Monday 2026-11-02.
 */
@PlatformTest
@ExtendWith(EngineClock.class)
class InspectionApiTest {

    @Autowired
    Api api;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InspectionReminders reminders;

    @BeforeEach
    void monday() {
        EngineClock.set("2026-11-02T09:00");
        BpmnAwareTests.init(engine);
    }


    @Test
    void theVisitIsFixedOnceEveryDepartmentConfirmsAndAFailListsEveryDepartmentsReasons() {
        String caseId = EnterpriseApplication.occupationalHealthUnderInspection(api);
        JsonNode inspection = inspectionOf("enterprise1", caseId);
        String id = inspection.get("id").asText();
        assertThat(inspection.get("status").asText()).isEqualTo("SCHEDULING");
        assertThat(inspection.get("deadline").get("dueDate").asText()).as("8 working days").isEqualTo("2026-11-12");
        assertThat(CaseItems.codes(inspection.get("departments"))).containsExactly("ecology", "health");

        JsonNode proposeTask = inboxTask("officer-health", caseId);
        assertThat(proposeTask.get("inspectionId").asText()).isEqualTo(id);
        assertThat(proposeTask.get("name").asText()).isEqualTo("拟定踏勘时间");
        assertThat(proposeTask.get("dueDate").asText()).isEqualTo("2026-11-12");

        assertThat(propose("officer-ecology", id, "2026-11-05T09:30").status()).as("only the lead proposes")
                .isEqualTo(403);
        Api.Response saturday = propose("officer-health", id, "2026-11-07T09:30");
        assertThat(saturday.status()).isEqualTo(400);
        assertThat(CaseItems.rules(saturday.body())).containsEntry("visitAt", "workingDay");
        assertThat(propose("officer-health", id, "2026-11-05T09:30").status()).isEqualTo(200);

        Api.Response counter = api.post("officer-ecology", "/api/inspections/" + id + "/confirmation",
                Map.of("accept", false, "visitAt", "2026-11-06T14:00:00+08:00", "note", "11 月 5 日另有执法任务"));
        assertThat(counter.status()).as("%s", counter.body()).isEqualTo(200);
        assertThat(counter.body().get("inspection").get("status").asText()).as("back to the lead")
                .isEqualTo("SCHEDULING");
        ProcessInstance block = block(caseId);
        BpmnAwareTests.assertThat(block).hasPassed("confirmVisit").isWaitingAt("proposeVisit");
        assertThat(propose("officer-health", id, "2026-11-06T14:00").status()).isEqualTo(200);
        JsonNode fixed = confirm("officer-ecology", id).body();
        assertThat(fixed.get("inspection").get("status").asText()).isEqualTo("FIXED");
        assertThat(fixed.get("answers")).extracting(a -> a.get("kind").asText())
                .containsExactly("PROPOSED", "COUNTER", "PROPOSED", "CONFIRMED");
        assertThat(notices("enterprise1", caseId)).as("told once, when the time is fixed").singleElement()
                .satisfies(n -> assertThat(n).contains("踏勘通知", "2026年11月6日 14:00", "卫生健康委", "生态环境局"));

        assertThat(findings("officer-health", id, "PASS", List.of()).status()).as("before the visit")
                .isEqualTo(409);
        EngineClock.set("2026-11-06T16:00");
        assertThat(findings("officer-health", id, "PASS", List.of()).status()).isEqualTo(200);
        Api.Response noReasons = findings("officer-ecology", id, "FAIL", List.of());
        assertThat(noReasons.status()).isEqualTo(400);
        assertThat(CaseItems.rules(noReasons.body())).containsEntry("issues", "required");
        assertThat(findings("officer-health", id, "PASS", List.of()).status()).as("recorded already")
                .isEqualTo(409);
        String photo = BirthApplication.upload(api, "officer-ecology", "现场.png", BirthApplication.PNG,
                MediaType.IMAGE_PNG);
        String notMine = BirthApplication.upload(api, "officer-health", "别人的.png", BirthApplication.PNG,
                MediaType.IMAGE_PNG);
        Api.Response othersPhoto = api.post("officer-ecology", "/api/inspections/" + id + "/findings", Map.of(
                "result", "FAIL", "issues", List.of("个人剂量计配备不足"), "photos", List.of(photo, notMine)));
        assertThat(CaseItems.rules(othersPhoto.body())).containsEntry("photos[1]", "notFound");
        JsonNode failed = api.post("officer-ecology", "/api/inspections/" + id + "/findings", Map.of("result", "FAIL",
                "issues", List.of("辐射工作场所未设置电离辐射警告标志", "个人剂量计配备不足"), "photos", List.of(photo)))
                .body();
        assertThat(CaseItems.texts(CaseItems.find(failed.get("findings"), "ecology", "department").get("photos")))
                .containsExactly(photo);
        for (String reader : List.of("officer-health", "enterprise1", "manager1")) {
            assertThat(api.get(reader, "/api/materials/" + photo).status()).as(reader).isEqualTo(200);
        }
        for (String stranger : List.of("officer-police", "enterprise2")) {
            assertThat(api.get(stranger, "/api/materials/" + photo).status()).as(stranger).isEqualTo(404);
        }

        assertThat(failed.get("inspection").get("status").asText()).isEqualTo("FAILED");
        BpmnAwareTests.assertThat(block).isEnded().hasPassedInOrder("proposeVisit", "confirmVisit", "fixVisit",
                "recordFindings", "combineFindings", "EndEvent_failed");
        assertThat(failed.get("summary").asText()).contains("生态环境局（不通过）", "电离辐射警告标志", "个人剂量计配备不足");
        JsonNode caseFile = api.get("enterprise1", "/api/cases/" + caseId).body();
        assertThat(caseFile.get("status").asText()).as("no licence: the case ends").isEqualTo("COMPLETED");
        assertThat(caseFile.get("timeline").toString()).as("and says how").contains("办件办结：踏勘不通过，不予许可");
        assertThat(caseFile.get("timeline").findValuesAsText("type")).contains("INSPECTION_STARTED",
                "INSPECTION_COUNTER", "INSPECTION_FIXED", "INSPECTION_FINDING", "INSPECTION_FAILED");
        assertThat(notices("enterprise1", caseId)).anySatisfy(n -> assertThat(n).contains("不通过", "个人剂量计"));
    }

    @Test
    void theEnterpriseBooksTheVisitFromTheTeamsEveryDepartmentPublishesAndMovesOrCancelsItUntilTheEveningBefore() throws Exception {
        String caseId = EnterpriseApplication.occupationalHealthUnderInspection(api);
        JsonNode inspection = inspectionOf("enterprise1", caseId);
        String id = inspection.get("id").asText();
        assertThat(inspection.get("booking").get("open").asBoolean()).as("health and ecology publish teams").isTrue();
        assertThat(inspection.get("booking").get("place").asText()).as("the form's address")
                .isEqualTo("上海市徐汇区漕溪北路 88 号");

        List<JsonNode> slots = slots(id);
        assertThat(slots).as("10 working days of half-days from tomorrow").hasSize(20);
        assertThat(slots.get(0).get("day").asText()).isEqualTo("2026-11-03");
        assertThat(slots).allSatisfy(s -> assertThat(s.get("capacity").asInt()).as("ecology's one team").isEqualTo(1));
        // earlier runs on the same database may have taken some half-days
        JsonNode free = firstFree(slots, null);
        String day = free.get("day").asText();
        String halfDay = free.get("halfDay").asText();

        assertThat(api.get("officer-health", "/api/inspections/" + id + "/slots").status()).isEqualTo(403);
        assertThat(book("officer-health", id, day, halfDay).status()).as("the enterprise books").isEqualTo(403);
        assertThat(book("enterprise2", id, day, halfDay).status()).as("not theirs").isEqualTo(404);
        assertThat(CaseItems.rules(book("enterprise1", id, "2026-11-07", "AM").body())).containsEntry("day",
                "bookable");
        assertThat(CaseItems.rules(book("enterprise1", id, day, "EVENING").body())).containsEntry("halfDay", "oneOf");
        assertThat(inspectionOf("enterprise1", caseId).get("status").asText()).as("nothing changed")
                .isEqualTo("SCHEDULING");

        Api.Response booked = book("enterprise1", id, day, halfDay);
        assertThat(booked.status()).as("%s", booked.body()).isEqualTo(200);
        JsonNode fixed = booked.body().get("inspection");
        assertThat(fixed.get("status").asText()).as("no confirmations needed").isEqualTo("FIXED");
        assertThat(fixed.get("visitAt").asText()).startsWith(day + "T" + ("AM".equals(halfDay) ? "01:00" : "05:30"));
        assertThat(fixed.get("booking").get("open").asBoolean()).isFalse();
        assertThat(fixed.get("booking").get("changeable").asBoolean()).isTrue();
        BpmnAwareTests.assertThat(block(caseId)).hasPassed("bookedByEnterprise", "fixVisit")
                .hasNotPassed("confirmVisit").isWaitingAt("recordFindings");
        assertThat(notices("enterprise1", caseId)).as("told once, when booked").singleElement()
                .satisfies(n -> assertThat(n).contains("踏勘通知", "漕溪北路 88 号", "卫生健康委", "生态环境局"));
        assertThat(remaining(slots(id), day, halfDay)).as("ecology's team is taken").isZero();
        assertThat(propose("officer-health", id, "2026-11-05T09:30").status()).as("the time is fixed")
                .isEqualTo(409);

        JsonNode other = firstFree(slots(id), day);
        Api.Response moved = book("enterprise1", id, other.get("day").asText(), other.get("halfDay").asText());
        assertThat(moved.status()).as("%s", moved.body()).isEqualTo(200);
        assertThat(moved.body().get("inspection").get("visitAt").asText()).startsWith(other.get("day").asText());
        assertThat(remaining(slots(id), day, halfDay)).as("given back").isEqualTo(1);
        assertThat(remaining(slots(id), other.get("day").asText(), other.get("halfDay").asText())).isZero();
        assertThat(CaseItems.rules(book("enterprise1", id, other.get("day").asText(), other.get("halfDay").asText())
                .body())).containsEntry("day", "changed");
        assertThat(api.delete("officer-health", "/api/inspections/" + id + "/booking").status()).isEqualTo(403);
        Api.Response cancelled = api.delete("enterprise1", "/api/inspections/" + id + "/booking");
        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body().get("inspection").get("status").asText()).isEqualTo("SCHEDULING");
        assertThat(cancelled.body().get("inspection").get("visitAt").isNull()).isTrue();
        assertThat(cancelled.body().get("inspection").get("booking").get("open").asBoolean()).as("to book again")
                .isTrue();
        assertThat(remaining(slots(id), other.get("day").asText(), other.get("halfDay").asText())).isEqualTo(1);
        BpmnAwareTests.assertThat(block(caseId)).hasPassed("bookingCancelled").isWaitingAt("proposeVisit");
        assertThat(api.delete("enterprise1", "/api/inspections/" + id + "/booking").status()).isEqualTo(409);
        assertThat(book("enterprise1", id, other.get("day").asText(), other.get("halfDay").asText()).status())
                .as("booked again").isEqualTo(200);
        assertThat(api.get("enterprise1", "/api/cases/" + caseId).body().get("timeline").findValuesAsText("type"))
                .contains("INSPECTION_BOOKED", "INSPECTION_FIXED", "INSPECTION_MOVED", "INSPECTION_BOOKING_CANCELLED");

        java.time.LocalDate visitDay = java.time.LocalDate.parse(other.get("day").asText());
        EngineClock.set(visitDay.minusDays(1) + "T09:30");
        Concurrently.run(List.<Callable<Integer>>of(reminders::remindDue, reminders::remindDue));
        reminders.remindDue();
        assertThat(notices("enterprise1", caseId)).filteredOn(n -> n.contains("踏勘提醒")).as("once, the day before")
                .singleElement().satisfies(n -> assertThat(n).contains(visitDay.getMonthValue() + "月"
                        + visitDay.getDayOfMonth() + "日", "漕溪北路 88 号", "卫生健康委", "生态环境局"));
        EngineClock.set(visitDay.minusDays(1) + "T18:00");
        assertThat(book("enterprise1", id, day, halfDay).status()).as("the evening before").isEqualTo(409);
        assertThat(inspectionOf("enterprise1", caseId).get("booking").get("changeable").asBoolean()).isFalse();
        EngineClock.set(visitDay + "T16:00");
        assertThat(findings("officer-health", id, "PASS", List.of()).status()).isEqualTo(200);
        assertThat(findings("officer-ecology", id, "PASS", List.of()).body().get("inspection").get("status").asText())
                .isEqualTo("PASSED");
    }

    @Test
    void theLastTeamOfAHalfDayGoesToOneOfConcurrentBookingsAndTheOthersTakeNothing() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            caseIds.add(EnterpriseApplication.occupationalHealthUnderInspection(api));
            ids.add(inspectionOf("enterprise1", caseIds.get(i)).get("id").asText());
        }
        JsonNode free = firstFree(slots(ids.get(0)), null);
        String day = free.get("day").asText();
        String halfDay = free.get("halfDay").asText();
        int healthBefore = teamsTaken("health", day, halfDay);

        List<Api.Response> answers = Concurrently.run(ids.stream()
                .<Callable<Api.Response>>map(id -> () -> book("enterprise1", id, day, halfDay)).toList());

        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409, 409);
        assertThat(teamsTaken("ecology", day, halfDay)).isEqualTo(1);
        assertThat(teamsTaken("health", day, halfDay)).as("the refused gave health's team back")
                .isEqualTo(healthBefore + 1);
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (answers.get(i).status() == 409) {
                assertThat(answers.get(i).body().get("detail").asText()).contains("约满");
                refused.add(caseIds.get(i));
            }
        }
        JsonNode waiting = inspectionOf("enterprise1", refused.get(0));
        assertThat(waiting.get("status").asText()).isEqualTo("SCHEDULING");
        assertThat(waiting.get("booking").get("open").asBoolean()).isTrue();
        BpmnAwareTests.assertThat(block(refused.get(0))).isWaitingAt("proposeVisit");

        String waitingId = waiting.get("id").asText();
        assertThat(propose("officer-health", waitingId, "2026-11-05T09:30").status()).isEqualTo(200);
        assertThat(inspectionOf("enterprise1", refused.get(0)).get("booking").get("open").asBoolean())
                .as("the lead proposed first").isFalse();
        JsonNode later = firstFree(slots(waitingId), null);
        Api.Response tooLate = book("enterprise1", waitingId, later.get("day").asText(), later.get("halfDay").asText());
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.body().get("detail").asText()).contains("牵头部门拟定");
    }

    @Test
    void conditionsGiveTheEnterpriseADeadlineAndOnlyTheDepartmentConcernedRechecks() {
        String caseId = EnterpriseApplication.occupationalHealthUnderInspection(api);
        String id = fixedVisit(caseId);
        ProcessInstance block = block(caseId);
        findings("officer-health", id, "CONDITIONS", List.of("机房防护门联锁装置需调试"));
        JsonNode rectifying = findings("officer-ecology", id, "PASS", List.of()).body();
        assertThat(rectifying.get("inspection").get("status").asText()).isEqualTo("RECTIFYING");
        assertThat(rectifying.get("rectifyBy").asText()).as("10 working days from 11-06").isEqualTo("2026-11-20");
        assertThat(inspectionOf("enterprise1", caseId).get("rectifyBy").asText()).as("on the case page too")
                .isEqualTo("2026-11-20");
        assertThat(rectifying.get("inspection").get("deadline").get("light").asText()).as("clock stopped")
                .isEqualTo("PAUSED");
        assertThat(notices("enterprise1", caseId)).anySatisfy(n -> assertThat(n).contains("限期整改", "2026-11-20",
                "防护门联锁装置"));

        assertThat(rectify("enterprise2", id, "已整改").status()).as("another enterprise").isEqualTo(404);
        Api.Response empty = rectify("enterprise1", id, " ");
        assertThat(CaseItems.rules(empty.body())).containsEntry("comment", "required");
        EngineClock.set("2026-11-10T10:00");
        JsonNode recheck = rectify("enterprise1", id, "已调试防护门联锁装置，附调试记录").body();
        assertThat(recheck.get("inspection").get("status").asText()).isEqualTo("RECHECK");
        assertThat(recheck.get("inspection").get("openSteps")).singleElement()
                .satisfies(s -> assertThat(s.get("department").asText()).isEqualTo("health"));
        assertThat(findings("officer-ecology", id, "PASS", List.of()).status()).as("ecology passed already")
                .isEqualTo(409);

        JsonNode passed = findings("officer-health", id, "PASS", List.of()).body();
        BpmnAwareTests.assertThat(block).isEnded().hasPassedInOrder("combineFindings",
                "awaitRectification", "startRecheck", "recordFindings", "combineFindings", "EndEvent_passed");
        assertThat(passed.get("inspection").get("status").asText()).isEqualTo("PASSED");
        assertThat(passed.get("findings")).extracting(f -> f.get("round").asInt() + f.get("department").asText()
                + f.get("result").asText()).containsExactly("1ecologyPASS", "1healthCONDITIONS", "2healthPASS");
        JsonNode caseFile = api.get("enterprise1", "/api/cases/" + caseId).body();
        assertThat(caseFile.get("timeline").findValuesAsText("type")).contains("INSPECTION_RECTIFIED",
                "INSPECTION_PASSED");
        assertThat(caseFile.get("status").asText()).isEqualTo("COMPLETED");
        List<String> issued = new ArrayList<>();
        api.get("enterprise1", "/api/licences?size=200").body().get("items").forEach(l -> {
            if (caseId.equals(l.get("caseId").asText())) {
                issued.add(l.get("licenceName").asText() + "/" + l.get("validFrom").asText());
            }
        });
        assertThat(issued).as("licences issued together, on the day of the re-check")
                .containsExactlyInAnyOrder("放射诊疗许可证/2026-11-10", "辐射安全许可证/2026-11-10", "放射工作人员证/2026-11-10");
    }

    @Test
    void anEnterpriseThatMissesItsRectificationDeadlineFails() {
        String caseId = EnterpriseApplication.occupationalHealthUnderInspection(api);
        String id = fixedVisit(caseId);
        findings("officer-health", id, "CONDITIONS", List.of("候诊区未设置防护提示"));
        findings("officer-ecology", id, "CONDITIONS", List.of("废源暂存台账不全"));
        ProcessInstance block = block(caseId);
        BpmnAwareTests.assertThat(block).isWaitingAt("awaitRectification");

        EngineClock.set("2026-11-20T18:00");
        runDueTimers(caseId);
        assertThat(detail("officer-health", id).get("inspection").get("status").asText()).as("still its last day")
                .isEqualTo("RECTIFYING");
        EngineClock.set("2026-11-21T00:30");
        runDueTimers(caseId);
        JsonNode failed = detail("officer-health", id);
        assertThat(failed.get("inspection").get("status").asText()).isEqualTo("FAILED");
        BpmnAwareTests.assertThat(block).isEnded().hasPassed("rectificationDeadline", "rectificationMissed",
                "EndEvent_notRectified").hasNotPassed("startRecheck");
        assertThat(failed.get("summary").asText()).contains("企业未在 2026-11-20 前完成整改", "候诊区未设置防护提示",
                "废源暂存台账不全");
        assertThat(api.get("enterprise1", "/api/cases/" + caseId).body().get("status").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void anOverdueSchedulingStepGoesToTheLeadDepartmentsLead() {
        String caseId = EnterpriseApplication.occupationalHealthUnderInspection(api);
        EngineClock.set("2026-11-13T09:00");
        runDueTimers(caseId);

        JsonNode task = inboxTask("officer-health", caseId);
        assertThat(task.get("light").asText()).isEqualTo("RED");
        assertThat(task.get("escalated").asBoolean()).isTrue();
        assertThat(notices("lead-health", caseId)).anySatisfy(n -> assertThat(n).contains("超期督办", "拟定踏勘时间"));
        for (JsonNode n : api.get("lead-health", "/api/notifications?size=200").body().get("items")) {
            if (caseId.equals(n.get("caseId").asText())) {
                assertThat(n.get("taskId").isNull()).as("worked from the inspection's page, not the task page")
                        .isTrue();
            }
        }
        assertThat(notices("lead-ecology", caseId)).as("not ecology's step").isEmpty();
        assertThat(api.get("enterprise1", "/api/cases/" + caseId).body().get("timeline").findValuesAsText("type"))
                .containsOnlyOnce("STEP_ESCALATED");
        runDueTimers(caseId);
        assertThat(api.get("enterprise1", "/api/cases/" + caseId).body().get("timeline").findValuesAsText("type"))
                .as("once").containsOnlyOnce("STEP_ESCALATED");
    }

    @Test
    void eachUserSeesOnlyTheInspectionsTheyTakePartIn() {
        String caseId = EnterpriseApplication.occupationalHealthUnderInspection(api);
        String id = fixedVisit(caseId);

        assertThat(api.get("officer-police", "/api/inspections/" + id).status()).isEqualTo(404);
        assertThat(api.get("enterprise2", "/api/inspections/" + id).status()).isEqualTo(404);
        assertThat(api.get("enterprise2", "/api/cases/" + caseId + "/inspections").status()).isEqualTo(404);
        assertThat(ids("officer-police", "")).doesNotContain(id);
        assertThat(ids("enterprise2", "")).doesNotContain(id);
        assertThat(ids("enterprise1", "")).contains(id);
        assertThat(ids("manager1", "")).contains(id);
        assertThat(ids("officer-ecology", "")).contains(id);
        String week = "?from=2026-11-01T16:00:00Z&to=2026-11-08T16:00:00Z"; // Beijing Monday to Monday
        assertThat(ids("officer-ecology", week)).as("calendar: visits this week").contains(id);
        assertThat(ids("officer-ecology", "?from=2026-11-08T16:00:00Z&to=2026-11-15T16:00:00Z"))
                .doesNotContain(id);
        JsonNode visit = CaseItems.find(api.get("officer-ecology", "/api/inspections" + week).body().get("items"), id,
                "id");
        assertThat(visit.get("visitAt").asText()).startsWith("2026-11-06T06:00");
        assertThat(visit.get("enterprise").asText()).as("an enterprise's name is no personal data")
                .isEqualTo("康宁口腔医院有限公司");
    }

    // ---- helpers ----

    /** Schedules the visit for Friday 2026-11-06 14:00 and moves the clock to that afternoon. */
    private String fixedVisit(String caseId) {
        String id = inspectionOf("enterprise1", caseId).get("id").asText();
        assertThat(propose("officer-health", id, "2026-11-06T14:00").status()).isEqualTo(200);
        assertThat(confirm("officer-ecology", id).body().get("inspection").get("status").asText()).isEqualTo("FIXED");
        EngineClock.set("2026-11-06T16:00");
        return id;
    }

    /** The case's running jointInspection instance (camunda-bpm-assert follows it in history after it ends). */
    private ProcessInstance block(String caseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("jointInspection")
                .processInstanceBusinessKey(caseId).singleResult();
    }

    private JsonNode inspectionOf(String user, String caseId) {
        Api.Response r = api.get(user, "/api/cases/" + caseId + "/inspections");
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        return r.body().get(0);
    }

    private JsonNode detail(String user, String id) {
        return api.get(user, "/api/inspections/" + id).body();
    }

    private List<String> ids(String user, String query) {
        Api.Response r = api.get(user, "/api/inspections" + query);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        return r.body().get("items").findValuesAsText("id");
    }

    private List<JsonNode> slots(String id) {
        Api.Response r = api.get("enterprise1", "/api/inspections/" + id + "/slots");
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        List<JsonNode> slots = new ArrayList<>();
        r.body().forEach(slots::add);
        return slots;
    }

    /** The first half-day with a team of every department free, on another day than `notOn`. */
    private static JsonNode firstFree(List<JsonNode> slots, String notOn) {
        return slots.stream().filter(s -> s.get("remaining").asInt() > 0 && !s.get("day").asText().equals(notOn))
                .findFirst().orElseThrow();
    }

    private static int remaining(List<JsonNode> slots, String day, String halfDay) {
        return slots.stream().filter(s -> s.get("day").asText().equals(day) && s.get("halfDay").asText()
                .equals(halfDay)).findFirst().orElseThrow().get("remaining").asInt();
    }

    private int teamsTaken(String department, String day, String halfDay) {
        return jdbc.sql("select coalesce(max(booked), 0) from appointment_slot where resource = ? and visit_day = ?"
                + " and half_day = ?").params("inspection:" + department, java.time.LocalDate.parse(day), halfDay)
                .query(Integer.class).single();
    }

    private Api.Response book(String user, String id, String day, String halfDay) {
        return api.put(user, "/api/inspections/" + id + "/booking", Map.of("day", day, "halfDay", halfDay));
    }

    private Api.Response propose(String officer, String id, String beijingTime) {
        return api.post(officer, "/api/inspections/" + id + "/proposal",
                Map.of("visitAt", beijingTime + ":00+08:00", "place", "上海市徐汇区漕溪北路 88 号", "note", "请携带执法证件"));
    }

    private Api.Response confirm(String officer, String id) {
        return api.post(officer, "/api/inspections/" + id + "/confirmation", Map.of("accept", true));
    }

    private Api.Response findings(String officer, String id, String result, List<String> issues) {
        return api.post(officer, "/api/inspections/" + id + "/findings",
                Map.of("result", result, "issues", issues, "comment", "现场核查"));
    }

    private Api.Response rectify(String user, String id, String comment) {
        return api.post(user, "/api/inspections/" + id + "/rectification", Map.of("comment", comment));
    }

    private JsonNode inboxTask(String officer, String caseId) {
        for (JsonNode t : api.get(officer, "/api/tasks?size=200").body().get("items")) {
            if (caseId.equals(t.get("caseId").asText()) && !t.get("inspectionId").isNull()) {
                return t;
            }
        }
        throw new AssertionError("no inspection task of case " + caseId + " for " + officer);
    }

    private void runDueTimers(String caseId) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().forEach(instance -> management
                .createJobQuery().processInstanceId(instance.getId()).timers().executable().list()
                .forEach(job -> management.executeJob(job.getId())));
    }

    /** The notices the user got about the case, but for its items' decisions (kind CASE). */
    private List<String> notices(String user, String caseId) {
        List<String> found = new ArrayList<>();
        for (JsonNode n : api.get(user, "/api/notifications?size=200").body().get("items")) {
            if (caseId.equals(n.get("caseId").asText()) && !"CASE".equals(n.get("kind").asText())) {
                found.add(n.get("message").asText());
            }
        }
        return found;
    }

}
