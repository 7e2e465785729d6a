package cn.onething.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.testsupport.PlatformTest;

/**
 * What operations watch: the probes, the Prometheus figures, and the request id that ties a response to the log
 * lines written for it — without personal data in them.
 */
@PlatformTest
// Spring's tests leave metrics export off unless asked
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityApiTest {

    @Autowired
    Api api;

    @Test
    void theProbesAnswerWithoutATokenAndReadinessNamesEachDependency() {
        Api.Response live = api.get(null, "/actuator/health/liveness");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body().get("status").asText()).isEqualTo("UP");

        Api.Response ready = api.get(null, "/actuator/health/readiness");
        assertThat(ready.status()).as("%s", ready.body()).isEqualTo(200);
        JsonNode components = ready.body().get("components");
        assertThat(components.fieldNames()).toIterable().containsExactlyInAnyOrder("db", "keycloak", "search",
                "readinessState");
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");
        assertThat(components.at("/keycloak/status").asText()).as("the realm's signing keys").isEqualTo("UP");
        assertThat(ready.body().toString()).as("no details for anyone who asks").doesNotContain("PostgreSQL");
    }

    @Test
    void prometheusCountsCommittedCasesAndCompletedTasksAndShowsLatenciesAndOutboxes() {
        double cases = sample(scrape(), "onething_cases_started_total", "bundle=\"birth\"");
        double tasks = sample(scrape(), "onething_tasks_completed_total", "process=\"birth\"");

        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        EnterpriseApplication.approve(api, "officer-hospital", caseId, "birthCertificate");
        Api.Response refused = api.post("citizen1", "/api/cases", Map.of("bundleCode", "birth", "form", Map.of()));
        assertThat(refused.status()).isEqualTo(400);

        String figures = scrape();
        assertThat(sample(figures, "onething_cases_started_total", "bundle=\"birth\"")).as("the refused one not")
                .isEqualTo(cases + 1);
        assertThat(sample(figures, "onething_tasks_completed_total", "process=\"birth\"")).isEqualTo(tasks + 1);
        assertThat(figures).contains("http_server_requests_seconds_bucket{", "uri=\"/api/cases\"",
                "onething_tasks_overdue{", "onething_outbox_pending{application=\"onething\",outbox=\"search\"}",
                "onething_outbox_pending{application=\"onething\",outbox=\"messages\"}",
                "onething_outbox_oldest_seconds{");
    }

    @Test
    void eachResponseCarriesItsRequestIdAndTheLogLinesOfTheRequestDoTooWithoutPersonalData(CapturedOutput output) {
        HttpHeaders proxy = new HttpHeaders();
        proxy.set("X-Request-Id", "proxy-7f3a-42");
        Map<String, String> form = BirthApplication.form();
        Api.Response filed = api.post("citizen1", "/api/cases", Map.of("bundleCode", "birth", "form", form,
                "materials", BirthApplication.uploadMaterials(api, "citizen1")), proxy);

        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.headers().getFirst("X-Request-Id")).isEqualTo("proxy-7f3a-42");
        String submittedLine = output.getAll().lines().filter(l -> l.contains("submitted for bundle birth")
                && l.contains(filed.body().get("number").asText())).findFirst().orElseThrow();
        assertThat(submittedLine).contains("[proxy-7f3a-42]");
        assertThat(output.getAll()).doesNotContain(form.get("applicantIdNumber"), form.get("applicantPhone"),
                form.get("motherIdNumber"), form.get("bankAccount"));

        HttpHeaders forged = new HttpHeaders();
        forged.set("X-Request-Id", "x\u2028injected log line".repeat(5));
        String given = api.post("citizen1", "/api/cases", Map.of(), forged).headers().getFirst("X-Request-Id");
        assertThat(given).as("an id of its own instead").matches("[0-9a-f-]{36}");
        assertThat(api.get("citizen1", "/api/me").headers().getFirst("X-Request-Id")).as("and for every request")
                .matches("[0-9a-f-]{36}");
    }

    private String scrape() {
        Api.Response r = api.get(null, "/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        return r.body().asText();
    }

    /** The value of the metric's series with the label (0 when it has not been counted yet). */
    private static double sample(String figures, String metric, String label) {
        return figures.lines().filter(l -> l.startsWith(metric + "{") && l.contains(label)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
