package cn.onething.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.PlatformTest;

/**
 * What a hostile or broken client sends — wrong types, broken JSON, huge bodies and pages, injection
 * strings, paths for file names — is answered with a 4xx problem naming the field and the rule, no
 * server internals in it, and nothing written.
 */
@PlatformTest
class BadInputApiTest {

    /** Classic probes of a 等保 test: script, markup in an attribute, SQL tautology, stacked statement, union. */
    static final List<String> INJECTIONS = List.of("<script>alert(1)</script>", "张三<img src=x onerror=alert(1)>",
            "' OR '1'='1", "王丽'; DROP TABLE case_file; --", "1 UNION SELECT password FROM users",
            "javascript:alert(document.cookie)");

    /** Tables a refused request must leave as they were (the audit log records the refusal itself). */
    static final List<String> WRITTEN = List.of("case_file", "case_item", "case_event", "material", "application_draft",
            "rating", "task_view", "inspection_finding", "supervision_push", "user_preference", "appointment");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void injectionStringsInEveryTextFieldOfTheFormAreRefusedByName() {
        Map<String, String> materials = BirthApplication.uploadMaterials(api, "citizen1");
        Map<String, Long> before = counts();
        List<String> textFields = new ArrayList<>();
        api.get("citizen1", "/api/bundles/birth").body().get("fields").forEach(f -> {
            if (f.get("type").asText().equals("text")) {
                textFields.add(f.get("code").asText());
            }
        });
        assertThat(textFields).contains("applicantName", "motherName", "householdAddress", "motherEmployer");

        for (String field : textFields) {
            for (String injection : INJECTIONS) {
                Map<String, String> form = new HashMap<>(BirthApplication.form());
                form.put(field, injection);
                Api.Response r = api.post("citizen1", "/api/cases",
                        Map.of("bundleCode", "birth", "form", form, "materials", materials));
                assertRefusedNaming(r, field, injection);
                // a draft keeps what the user typed, but not this
                assertRefusedNaming(api.put("citizen1", "/api/bundles/birth/draft", Map.of("form", form)),
                        field, injection);
            }
        }
        assertThat(counts()).isEqualTo(before);
        // the same form, plain, is filed: the refusals were about the text alone
        Api.Response plain = api.post("citizen1", "/api/cases",
                Map.of("bundleCode", "birth", "form", BirthApplication.form(), "materials", materials));
        assertThat(plain.status()).as("%s", plain.body()).isEqualTo(201);
    }

    @Test
    void injectionStringsInTheTextOfEveryOtherKindOfWriteAreRefusedByName() {
        Map<String, Long> before = counts();
        String any = "00000000-0000-0000-0000-000000000000";
        record Write(String user, String method, String path, String field, Map<String, Object> body) {
        }
        List<Write> writes = List.of(
                new Write("citizen1", "POST", "/api/cases/" + any + "/ratings", "comment",
                        Map.of("itemCode", "police", "level", 1, "reason", "ATTITUDE", "comment", "$")),
                new Write("citizen1", "POST", "/api/ratings/" + any + "/appeal", "reason", Map.of("reason", "$")),
                new Write("citizen1", "POST", "/api/ratings/" + any + "/callback", "comment",
                        Map.of("solved", false, "comment", "$")),
                new Write("citizen1", "POST", "/api/cases/" + any + "/supplements", "babyName",
                        Map.of("itemCode", "police", "form", Map.of("babyName", "$"), "materials", Map.of())),
                new Write("officer-police", "POST", "/api/tasks/" + any + "/resolve", "comment", Map.of("comment", "$")),
                new Write("officer-police", "POST", "/api/tasks/" + any + "/return", "reason",
                        Map.of("activityId", "a", "reason", "$")),
                new Write("officer-police", "POST", "/api/tasks/" + any + "/complete", "comment",
                        Map.of("decision", "reject", "comment", "$")),
                new Write("officer-police", "POST", "/api/task-views", "name", Map.of("name", "$", "view", "open")),
                new Write("officer-ecology", "POST", "/api/inspections/" + any + "/findings", "issues[1]",
                        Map.of("department", "ecology", "result", "FAIL", "issues", List.of("防护门未关", "$"))),
                new Write("officer-hsupervision", "POST", "/api/supervision/pushes/" + any + "/result", "comment",
                        Map.of("result", "合格", "comment", "$")),
                new Write("lead-police", "POST", "/api/ratings/" + any + "/verify", "finding",
                        Map.of("verdict", "valid", "finding", "$")));
        for (Write write : writes) {
            for (String injection : INJECTIONS) {
                Map<String, Object> body = replace(write.body(), injection);
                Api.Response r = switch (write.method()) {
                    case "POST" -> api.post(write.user(), write.path(), body);
                    default -> api.put(write.user(), write.path(), body);
                };
                assertRefusedNaming(r, write.field(), write.path() + " " + injection);
            }
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithTheTypeItMustBe() {
        Map<String, Long> before = counts();
        Api.Response formNotObject = api.post("citizen1", "/api/cases", Map.of("bundleCode", "birth", "form", "x"));
        assertProblem(formNotObject, 400);
        assertThat(error(formNotObject, "form").get("rule").asText()).isEqualTo("type");
        assertThat(error(formNotObject, "form").get("message").asText()).isEqualTo("form 应是对象（{…}）");

        Api.Response levelNotNumber = api.post("citizen1", "/api/cases/x/ratings",
                Map.of("itemCode", "police", "level", "五星"));
        assertThat(error(levelNotNumber, "level").get("message").asText()).isEqualTo("level 应是数字");

        Api.Response listNotList = api.post("officer-ecology", "/api/inspections/x/findings",
                Map.of("department", "ecology", "result", "FAIL", "issues", Map.of("a", 1)));
        assertThat(error(listNotList, "issues").get("rule").asText()).isEqualTo("type");

        Api.Response unknownChoice = api.post("officer-ecology", "/api/inspections/x/findings",
                Map.of("department", "ecology", "result", "MAYBE"));
        assertThat(error(unknownChoice, "result").get("message").asText()).startsWith("result 应是以下之一：PASS");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void brokenJsonAndAMissingBodyAreNamed() throws Exception {
        Api.Response broken = api.post("citizen1", "/api/cases", "{\"bundleCode\": \"birth\", \"form\": {");
        assertThat(error(broken, "body").get("rule").asText()).isEqualTo("json");
        Api.Response notJson = api.post("citizen1", "/api/cases", "bundleCode=birth");
        assertThat(error(notJson, "body").get("rule").asText()).isEqualTo("json");

        HttpResponse<String> empty = send(HttpRequest.newBuilder(uri("/api/cases"))
                .header("Authorization", "Bearer " + Api.token("citizen1")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        Map<String, Long> before = counts();
        String huge = "{\"bundleCode\":\"birth\",\"form\":{\"babyName\":\"" + "宝".repeat(800_000) + "\"}}";
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(2 * 1024 * 1024);

        HttpResponse<String> declared = send(post(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        // chunked: the length is known only by reading
        HttpResponse<String> chunked = send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(bytes))));
        for (HttpResponse<String> r : List.of(declared, chunked)) {
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = json.readTree(r.body());
            assertThat(problem.get("detail").asText()).startsWith("请求内容不能超过 2 MB");
            assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo("maxSize");
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void hugeAndNegativePagesAreRefusedByName() {
        assertThat(error(api.get("citizen1", "/api/cases?size=100000"), "size").get("rule").asText()).isEqualTo("range");
        assertThat(error(api.get("citizen1", "/api/cases?page=-1"), "page").get("rule").asText()).isEqualTo("min");
        assertThat(error(api.get("officer-police", "/api/tasks?size=99999999999"), "size").get("rule").asText())
                .isEqualTo("integer");
        assertThat(error(api.get("admin1", "/api/audit?size=5000"), "size").get("rule").asText()).isEqualTo("range");
    }

    @Test
    void aFileNameIsCutToItsLastSegmentAndMarkupInItIsRefused() {
        Map<String, Long> before = counts();
        byte[] pdf = BirthApplication.pdf("traversal");
        Api.Response traversal = api.upload("citizen1", "../../etc/passwd.pdf", pdf, MediaType.APPLICATION_PDF);
        assertThat(traversal.status()).isEqualTo(201);
        assertThat(traversal.body().get("filename").asText()).isEqualTo("passwd.pdf");
        Api.Response windows = api.upload("citizen1", "C:\\Windows\\system32\\出生证明.pdf", pdf, MediaType.APPLICATION_PDF);
        assertThat(windows.body().get("filename").asText()).isEqualTo("出生证明.pdf");
        String id = traversal.body().get("id").asText();
        Api.Response download = api.get("citizen1", "/api/materials/" + id);
        assertThat(download.headers().getContentDisposition().getFilename()).isEqualTo("passwd.pdf");
        assertThat(counts().get("material")).isEqualTo(before.get("material") + 2);

        Api.Response markup = api.upload("citizen1", "<img src=x onerror=alert(1)>.pdf", pdf, MediaType.APPLICATION_PDF);
        assertProblem(markup, 400);
        assertThat(error(markup, "filename").get("rule").asText()).isEqualTo("noMarkup");
        // a PDF by name that is not one by content is refused too
        Api.Response disguised = api.upload("citizen1", "证明.pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_PDF);
        assertThat(error(disguised, "file").get("rule").asText()).isEqualTo("contentType");
        assertThat(counts().get("material")).isEqualTo(before.get("material") + 2);
    }

    @Test
    void aBpmnModelIsMarkupByNatureAndStillAccepted() {
        int latest = 0;
        for (JsonNode model : api.get("manager1", "/api/models").body()) {
            if (model.get("key").asText().equals("birth")) {
                latest = model.get("latestVersion").asInt();
            }
        }
        String xml = api.get("manager1", "/api/models/birth/versions/" + latest).body().get("xml").asText();
        assertThat(xml).contains("<bpmn:process", "id=\"birth\"");
        Api.Response validated = api.post("manager1", "/api/models/validate", Map.of("xml", xml));
        assertThat(validated.status()).as("%s", validated.body()).isEqualTo(200);
        // but its comment is plain text
        Api.Response deploy = api.post("manager1", "/api/models/birth/deployments",
                Map.of("xml", xml, "comment", "<script>alert(1)</script>"));
        assertRefusedNaming(deploy, "comment", "deployment comment");
    }

    private static Map<String, Object> replace(Map<String, Object> body, String injection) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((key, value) -> {
            if ("$".equals(value)) {
                copy.put(key, injection);
            } else if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) map;
                copy.put(key, replace(nested, injection));
            } else if (value instanceof List<?> list) {
                copy.put(key, list.stream().map(item -> "$".equals(item) ? injection : item).toList());
            } else {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private void assertRefusedNaming(Api.Response r, String field, String what) {
        assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(400);
        assertProblem(r, 400);
        assertThat(error(r, field).get("rule").asText()).as(what).isIn("noMarkup", "noSql");
    }

    private static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as("%s", r.body()).isEqualTo(status);
        assertThat(r.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.body().toString()).doesNotContain("Exception", "cn.onething", "com.fasterxml", "org.springframework",
                "\tat ");
    }

    private static JsonNode error(Api.Response r, String field) {
        assertProblem(r, r.status() == 413 ? 413 : 400);
        for (JsonNode error : r.body().get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error;
            }
        }
        throw new AssertionError("no error for " + field + " in " + r.body());
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : WRITTEN) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private URI uri(String path) {
        return URI.create(api.baseUrl() + path);
    }

    private HttpRequest.Builder post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri("/api/cases")).header("Authorization", "Bearer " + Api.token("citizen1"))
                .header("Content-Type", "application/json").POST(body);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
