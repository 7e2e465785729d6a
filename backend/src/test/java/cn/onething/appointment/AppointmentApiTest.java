package cn.onething.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.notification.MessageRelay;
import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.Concurrently;
import cn.onething.testsupport.EngineClock;
import cn.onething.testsupport.PlatformTest;

/**
 * 统一预约 through the API: a visit opens when its item is approved, half-days follow the working-day calendar,
 * the last places go to exactly as many concurrent requests, a visit is booked once, changes stop the evening
 * before; the reminder of the day before is written and sent once, a refused message is sent again, once.
 */
@PlatformTest
@ExtendWith(EngineClock.class)
@Import(AppointmentApiTest.Gateway.class)
class AppointmentApiTest {

    @TestConfiguration
    static class Gateway {
        @Bean
        @Primary
        RecordingChannel recordingChannel() {
            return new RecordingChannel();
        }
    }

    /** Monday; the hospital's reception takes 2 windows × 4 visits a half-day. */
    static final String MONDAY = "2026-12-07T10:00";
    static final int HALF_DAY = 8;

    @Autowired
    Api api;

    @Autowired
    AppointmentReminders reminders;

    @Autowired
    MessageRelay relay;

    @Autowired
    RecordingChannel gateway;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitOpensWithItsItemAndBooksOnlyWorkingHalfDays() {
        EngineClock.set(MONDAY);
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();

        JsonNode visit = CaseItems.find(api.get("citizen1", "/api/cases/" + caseId + "/visits").body(),
                "birthCertificate", "itemCode");
        assertThat(visit.get("bookable").asBoolean()).isFalse();
        assertThat(visit.get("note").asText()).isEqualTo("事项办结后即可预约");
        assertThat(book("citizen1", caseId, "2026-12-09", "AM").status()).as("not before the item is approved")
                .isEqualTo(409);

        approveBirthCertificate(caseId);
        visit = CaseItems.find(api.get("citizen1", "/api/cases/" + caseId + "/visits").body(), "birthCertificate",
                "itemCode");
        assertThat(visit.get("bookable").asBoolean()).isTrue();
        assertThat(visit.get("place").asText()).contains("出生医学证明办理处");

        JsonNode slots = api.get("citizen1", "/api/cases/" + caseId + "/visits/birthCertificate/slots").body();
        List<String> days = new ArrayList<>();
        slots.forEach(s -> days.add(s.get("day").asText()));
        assertThat(days).as("from tomorrow, working days only").startsWith("2026-12-08", "2026-12-08", "2026-12-09")
                .doesNotContain("2026-12-07", "2026-12-12", "2026-12-13");
        assertThat(slots.size()).isEqualTo(2 * 10);

        Api.Response saturday = book("citizen1", caseId, "2026-12-12", "AM");
        assertThat(saturday.status()).isEqualTo(400);
        assertThat(CaseItems.rules(saturday.body())).containsEntry("day", "bookable");
        assertThat(CaseItems.rules(book("citizen1", caseId, "12/09", "AM").body())).containsEntry("day", "date");
        assertThat(CaseItems.rules(book("citizen1", caseId, "2026-12-09", "EVENING").body()))
                .containsEntry("halfDay", "oneOf");
        assertThat(book("citizen2", caseId, "2026-12-09", "AM").status()).as("another applicant's case")
                .isEqualTo(404);
        assertThat(book("officer-hospital", caseId, "2026-12-09", "AM").status()).isEqualTo(403);

        Api.Response booked = book("citizen1", caseId, "2026-12-09", "AM");
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.body().get("time").asText()).isEqualTo("上午 09:00–12:00");
        assertThat(booked.body().get("changeable").asBoolean()).isTrue();
        assertThat(book("citizen1", caseId, "2026-12-10", "PM").status()).as("one booking per visit").isEqualTo(409);
        assertThat(CaseItems.texts(api.get("citizen1", "/api/cases/" + caseId).body().get("timeline")
                .findValues("type"))).contains("APPOINTMENT_BOOKED");

        // 到场名单: the hospital's reception sees who comes that day, the name masked; nobody else does
        JsonNode listed = listed(api.get("officer-hospital", "/api/appointments?day=2026-12-09").body(), caseId);
        assertThat(listed.get("caseNumber").asText()).startsWith("BIRTH-");
        assertThat(listed.get("applicantName").asText()).isEqualTo("张*");
        assertThat(listed.at("/appointment/purpose").asText()).isEqualTo("领取纸质《出生医学证明》");
        assertThat(listed(api.get("manager1", "/api/appointments?day=2026-12-09").body(), caseId)).isNotNull();
        assertThat(listed(api.get("officer-police", "/api/appointments?day=2026-12-09").body(), caseId)).isNull();
        assertThat(api.get("citizen1", "/api/appointments?day=2026-12-09").status()).isEqualTo(403);
        assertThat(CaseItems.rules(api.get("officer-hospital", "/api/appointments?day=12/09").body()))
                .containsEntry("day", "date");
    }

    private static JsonNode listed(JsonNode dayList, String caseId) {
        for (JsonNode entry : dayList) {
            if (caseId.equals(entry.at("/appointment/caseId").asText())) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void theLastPlacesOfAHalfDayGoToExactlyAsManyConcurrentRequests() throws Exception {
        EngineClock.set(MONDAY);
        int applicants = HALF_DAY + 4;
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < applicants; i++) {
            String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
            approveBirthCertificate(caseId);
            caseIds.add(caseId);
        }
        String day = "2026-12-11";
        int before = booked(day, "PM");

        List<Api.Response> answers = Concurrently.run(caseIds.stream()
                .<Callable<Api.Response>>map(caseId -> () -> book("citizen1", caseId, day, "PM")).toList());

        List<Api.Response> taken = answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(taken).hasSize(HALF_DAY - before);
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(booked(day, "PM")).isEqualTo(HALF_DAY);
        Set<Integer> numbers = new HashSet<>();
        taken.forEach(r -> numbers.add(r.body().get("queueNumber").asInt()));
        assertThat(numbers).as("no queue number given twice").hasSize(taken.size());
        assertThat(jdbc.sql("select count(*) from appointment where visit_day = ? and half_day = 'PM' and status = 'BOOKED'"
                + " and department = 'hospital'").param(java.time.LocalDate.parse(day)).query(Long.class).single())
                .isEqualTo(HALF_DAY);

        // the same visit asked twice at once: one booking, one place taken
        String twice = caseIds.stream().filter(c -> answers.get(caseIds.indexOf(c)).status() == 409).findFirst()
                .orElseThrow();
        List<Api.Response> both = Concurrently.run(List.of(() -> book("citizen1", twice, "2026-12-14", "AM"),
                () -> book("citizen1", twice, "2026-12-14", "PM")));
        assertThat(both).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
        assertThat(booked("2026-12-14", "AM") + booked("2026-12-14", "PM")).isEqualTo(1);
    }

    @Test
    void aBookingMovesAndCancelsUntilTheEveningBeforeAndIsRemindedOnce() throws Exception {
        EngineClock.set(MONDAY);
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        approveBirthCertificate(caseId);
        long first = book("citizen1", caseId, "2026-12-15", "AM").body().get("id").asLong();

        Api.Response moved = api.post("citizen1", "/api/appointments/" + first + "/move",
                Map.of("day", "2026-12-16", "halfDay", "PM"));
        assertThat(moved.status()).as("%s", moved.body()).isEqualTo(200);
        long second = moved.body().get("id").asLong();
        assertThat(api.post("citizen1", "/api/appointments/" + first + "/cancel", Map.of()).status())
                .as("the moved booking is over").isEqualTo(409);
        assertThat(api.post("citizen2", "/api/appointments/" + second + "/cancel", Map.of()).status()).isEqualTo(404);

        EngineClock.set("2026-12-15T18:30");
        Api.Response late = api.post("citizen1", "/api/appointments/" + second + "/move",
                Map.of("day", "2026-12-17", "halfDay", "AM"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("detail").asText()).contains("截止时间");

        // the day before, before the reminder hour: nothing yet
        EngineClock.set("2026-12-15T08:00");
        while (relay.sendDue() > 0) {
            // what earlier tests left to send goes first
        }
        assertThat(remindConcurrently()).isZero();
        EngineClock.set("2026-12-15T09:05");
        assertThat(remindConcurrently()).as("two nodes at once remind it once").isEqualTo(1);
        assertThat(reminders.remindDue()).isZero();
        List<String> notes = new ArrayList<>();
        for (JsonNode n : api.get("citizen1", "/api/notifications?size=200").body().get("items")) {
            if (caseId.equals(n.path("caseId").asText()) && "APPOINTMENT".equals(n.get("kind").asText())) {
                notes.add(n.get("message").asText());
            }
        }
        assertThat(notes).singleElement().satisfies(m -> assertThat(m).contains("12月16日（周三）下午 13:30–17:00")
                .contains("领取纸质《出生医学证明》"));

        // the gateway refuses it once: sent again later, and taken once
        gateway.refuseNext(1);
        assertThat(relay.sendDue()).isEqualTo(1);
        assertThat(gateway.refused).last().satisfies(m -> assertThat(m.text()).contains("12月16日（周三）下午"));
        assertThat(relay.sendDue()).as("not again before its next attempt").isZero();
        EngineClock.set("2026-12-15T09:30");
        assertThat(relay.sendDue()).isEqualTo(1);
        assertThat(relay.sendDue()).isZero();
        assertThat(gateway.takenAbout("12月16日（周三）下午")).singleElement().satisfies(m -> {
            assertThat(m.phone()).isEqualTo(BirthApplication.form().get("applicantPhone"));
            assertThat(m.key()).isEqualTo(gateway.refused.get(gateway.refused.size() - 1).key());
        });
    }

    private int remindConcurrently() throws Exception {
        List<Integer> counts = Concurrently.run(List.of(reminders::remindDue, reminders::remindDue));
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    private Api.Response book(String user, String caseId, String day, String halfDay) {
        Map<String, Object> body = new HashMap<>(Map.of("itemCode", "birthCertificate", "day", day,
                "halfDay", halfDay));
        return api.post(user, "/api/cases/" + caseId + "/appointments", body);
    }

    private int booked(String day, String halfDay) {
        return jdbc.sql("select coalesce(max(booked), 0) from appointment_slot where resource = 'hospital' and visit_day = ?"
                + " and half_day = ?").params(java.time.LocalDate.parse(day), halfDay).query(Integer.class).single();
    }

    private void approveBirthCertificate(String caseId) {
        for (JsonNode t : api.get("officer-hospital", "/api/tasks?view=open&size=200&sort=created&order=desc").body()
                .get("items")) {
            if (caseId.equals(t.get("caseId").asText())) {
                Api.Response r = api.post("officer-hospital", "/api/tasks/" + t.get("id").asText() + "/complete",
                        Map.of("decision", "approve"));
                assertThat(r.status()).as("approve: %s", r.body()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("no birth certificate task for " + caseId);
    }
}
