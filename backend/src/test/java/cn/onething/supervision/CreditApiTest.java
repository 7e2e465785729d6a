package cn.onething.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.supervision.CreditRepository.EventRow;
import cn.onething.supervision.CreditRepository.Kind;
import cn.onething.testsupport.Api;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.PlatformTest;

/** 企业信用: the grade rule over two years of events and the list for managers and officers. */
@PlatformTest
class CreditApiTest {

    @Autowired
    Api api;
    @Autowired
    Credit credit;
    @Autowired
    CreditRepository repository;

    @Test
    void theGradeIsTheWorstOfTwoYearsOfEvents() {
        OffsetDateTime now = OffsetDateTime.now();
        String clean = enterprise("无记录公司");
        String conditions = enterprise("整改公司", event(Kind.SUPERVISION, SupervisionResult.CONDITIONS, false, now),
                event(Kind.INSPECTION, SupervisionResult.PASS, false, now));
        String failed = enterprise("不合格公司", event(Kind.INSPECTION, SupervisionResult.FAIL, false, now),
                event(Kind.SUPERVISION, SupervisionResult.CONDITIONS, false, now));
        String untrue = enterprise("失信公司", event(Kind.INSPECTION, SupervisionResult.FAIL, true, now));
        String revoked = enterprise("注销公司", event(Kind.LICENCE_REVOKED, null, false, now.minusYears(1)));
        String longAgo = enterprise("旧账公司", event(Kind.INSPECTION, SupervisionResult.FAIL, true, now.minusYears(3)));

        assertThat(credit.grades(List.of(clean, conditions, failed, untrue, revoked, longAgo, "unknown-holder")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(clean, CreditGrade.A, conditions, CreditGrade.B,
                        failed, CreditGrade.C, untrue, CreditGrade.D, revoked, CreditGrade.D,
                        longAgo, CreditGrade.A, "unknown-holder", CreditGrade.A));

        List<String> gradedD = CaseItems.texts(list("manager1", "?grade=D&size=200").get("items")
                .findValues("holderId"));
        assertThat(gradedD).contains(untrue, revoked).doesNotContain(clean, conditions, failed, longAgo);
        JsonNode all = list("officer-health", "?size=200");
        JsonNode withEvents = CaseItems.find(all.get("items"), failed, "holderId");
        assertThat(withEvents.get("grade").asText()).isEqualTo("C");
        assertThat(withEvents.get("events")).hasSize(2);
        assertThat(CaseItems.find(all.get("items"), longAgo, "holderId").get("events"))
                .as("older events are listed, not counted").hasSize(1);

        assertThat(api.get("enterprise1", "/api/enterprises/credit").status()).isEqualTo(403);
        assertThat(api.get("manager1", "/api/enterprises/credit?grade=E").status()).isEqualTo(400);
    }

    private JsonNode list(String user, String query) {
        Api.Response r = api.get(user, "/api/enterprises/credit" + query);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        return r.body();
    }

    /** A made-up enterprise with its events; returns its holder id. */
    private String enterprise(String name, EventRow... events) {
        String holderId = "credit-test-" + UUID.randomUUID();
        repository.enterprise(holderId, name, null);
        for (EventRow e : events) {
            repository.insert(new EventRow(holderId, e.kind(), e.result(), e.falseCommitment(), e.summary(), null, null,
                    "测试", e.occurredAt()));
        }
        return holderId;
    }

    private static EventRow event(Kind kind, SupervisionResult result, boolean falseCommitment, OffsetDateTime at) {
        return new EventRow(null, kind, result, falseCommitment, "测试事件", null, null, "测试", at);
    }
}
