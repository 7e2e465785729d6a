package cn.onething.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.testsupport.LicensedCase;
import cn.onething.testsupport.PlatformTest;

/**
 * Every endpoint × every kind of caller × own / other's resource, as the table in
 * {@code src/test/resources/authorization-matrix.md} says (read it first: it explains the cells and the columns).
 * The test makes its own resources through the API, calls every cell, checks the status (and, for lists, whether
 * the resource is in the answer), and after every refused or invalid call reads the resource again to see that
 * nothing changed. It changes nothing another test counts on: invalid bodies stand in for deployments, calendar
 * years, draws and bookings; no demo user's preferences are saved.
 */
@PlatformTest
class AuthorizationMatrixTest {

    static final String TABLE = "/authorization-matrix.md";
    static final List<String> CALLERS = List.of("anon", "citizen1", "citizen2", "enterprise1", "enterprise2", "officer",
            "colleague", "outsider", "lead", "manager1", "admin1");

    /** Who the four officer columns are, by the row's scope (the table's legend). */
    enum Scope {
        B("officer-hospital", "officer-police", "officer-ecology", "lead-hospital"),
        E("officer-health", "officer-ecology", "officer-hospital", "lead-health"),
        V("officer-hsupervision", "officer-health", "officer-hospital", "lead-hsupervision");

        final Map<String, String> officers;

        Scope(String officer, String colleague, String outsider, String lead) {
            officers = Map.of("officer", officer, "colleague", colleague, "outsider", outsider, "lead", lead);
        }

        /** The demo user of a column; null for anon. */
        String user(String caller) {
            return caller.equals("anon") ? null : officers.getOrDefault(caller, caller);
        }
    }

    /** A cell: the status, and for a list whether the row's resource is in it (null: not a list). */
    record Expect(int status, Boolean listed) {

        static Expect parse(String cell) {
            String c = cell.strip();
            if (c.endsWith("+") || c.endsWith("-")) {
                return new Expect(Integer.parseInt(c.substring(0, c.length() - 1)), c.endsWith("+"));
            }
            return new Expect(Integer.parseInt(c), null);
        }

        boolean success() {
            return status >= 200 && status < 300;
        }

        boolean refused() {
            return status == 401 || status == 403 || status == 404;
        }

        @Override
        public String toString() {
            return status + (listed == null ? "" : listed ? "+" : "-");
        }
    }

    record Row(int line, String method, String path, String variant, Scope scope, Map<String, Expect> cells) {

        String key() {
            return method + " " + path + " | " + variant;
        }

        String endpoint() {
            return method + " " + path;
        }
    }

    /** How a row is called, and what it reads to see that a call changed nothing. */
    final class Call {
        final Function<String, Api.Response> send;
        Function<Api.Response, Integer> status = Api.Response::status;
        Function<Api.Response, Boolean> finds;
        Supplier<String> state;
        String last;
        String invalid;

        Call(Function<String, Api.Response> send) {
            this.send = send;
        }

        /** A list row: whether the answer holds `value` as a `field` anywhere in it. */
        Call lists(String field, String value) {
            finds = r -> r.body().findValuesAsText(field).contains(value);
            return this;
        }

        /** A list row: whether the answer's text holds `text`. */
        Call shows(String text) {
            finds = r -> r.body().toString().contains(text);
            return this;
        }

        /** A `400` cell must be about this field: the deliberate fault, found past the check of who may act. */
        Call invalid(String field) {
            invalid = field;
            return this;
        }

        Call state(Supplier<String> read) {
            state = read;
            return this;
        }

        /** The one column whose success may change the state; it is called last. */
        Call last(String caller) {
            last = caller;
            return this;
        }

        Call status(Function<Api.Response, Integer> effective) {
            status = effective;
            return this;
        }
    }

    @Autowired
    Api api;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    // made once per run, on first use: the Spring context (and the database) exist only once a test instance does
    static List<Row> table;
    static final Map<String, Call> calls = new LinkedHashMap<>();
    static Api made;

    // the test's own resources
    static String marker;
    static String birthCase;
    static String birthNumber;
    static String birthTask;
    static String birthMaterial;
    static String looseUpload;
    static String ratedCase;
    static String rating;
    static long booking;
    static String bookingDay;
    static String bookingHalfDay;
    static long notification;
    static String withdrawableCase;
    static String withdrawable;
    static String countersignedTask;
    static long countersign;
    static String signTask;
    static long copy;
    static long view;
    static String enterpriseCase;
    static String inspection;
    static String licence;
    static String push;
    static String draw;

    private void setUp() throws IOException {
        synchronized (AuthorizationMatrixTest.class) {
            if (table == null) {
                made = api;
                fixtures();
                define();
                table = read();
            }
        }
    }

    @AfterAll
    static void tidyUp() {
        if (made == null) {
            return;
        }
        // best effort, for a run that failed half-way: leave no draft, booking or view behind
        Api api = made;
        api.delete("citizen1", "/api/bundles/birth/draft");
        if (booking != 0) {
            api.post("citizen1", "/api/appointments/" + booking + "/cancel", Map.of());
        }
        if (view != 0) {
            api.delete("officer-hospital", "/api/task-views/" + view);
        }
    }

    // ---- the table ----

    static List<Row> read() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String> header = null;
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].startsWith("|")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String c : lines[i].substring(1).split("\\|", -1)) {
                    cells.add(c.strip());
                }
                cells.remove(cells.size() - 1); // after the closing |
                if (cells.get(0).equals("method")) {
                    header = cells;
                    assertThat(header.subList(4, 4 + CALLERS.size())).as("the table's caller columns")
                            .isEqualTo(CALLERS);
                    continue;
                }
                if (header == null || !Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(cells.get(0))) {
                    continue;
                }
                assertThat(cells).as("line %d: a cell per column", i + 1).hasSize(header.size());
                Map<String, Expect> expect = new LinkedHashMap<>();
                for (int c = 0; c < CALLERS.size(); c++) {
                    expect.put(CALLERS.get(c), Expect.parse(cells.get(4 + c)));
                }
                rows.add(new Row(i + 1, cells.get(0), cells.get(1), cells.get(2), Scope.valueOf(cells.get(3)), expect));
            }
        }
        return rows;
    }

    // ---- the checks ----

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
        setUp();
        Set<String> endpoints = new TreeSet<>();
        List<String> methodless = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> patterns = info.getPatternValues();
                for (String pattern : patterns) {
                    if (!pattern.startsWith("/api/") && !pattern.equals("/api")) {
                        continue;
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        methodless.add(pattern);
                    }
                    methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(endpoints).as("the application's endpoints").hasSizeGreaterThan(100);
        assertThat(methodless).as("endpoints answering every method").isEmpty();
        Set<String> rows = new TreeSet<>();
        table.stream().filter(r -> r.path().startsWith("/api")).forEach(r -> rows.add(r.endpoint()));
        assertThat(endpoints).as("endpoints without a row in " + TABLE).isSubsetOf(rows);
        assertThat(rows).as("rows of " + TABLE + " for endpoints that do not exist").isSubsetOf(endpoints);
        assertThat(table).as("Camunda's REST API").anyMatch(r -> r.path().startsWith("/engine-rest/"));
    }

    @Test
    void everyRowIsCalledAndEveryCallHasARow() throws IOException {
        setUp();
        Set<String> keys = new TreeSet<>();
        table.forEach(r -> assertThat(keys.add(r.key())).as("line %d repeats %s", r.line(), r.key()).isTrue());
        assertThat(keys).as("rows without a call").isSubsetOf(calls.keySet());
        assertThat(table.stream().filter(r -> r.cells().values().stream().anyMatch(e -> e.status() == 400))
                .filter(r -> calls.get(r.key()) != null && calls.get(r.key()).invalid == null).map(Row::key))
                .as("rows with a 400 cell whose call does not say which field is at fault").isEmpty();
        assertThat(calls.keySet()).as("calls without a row").isSubsetOf(keys);
    }

    @TestFactory
    Stream<DynamicTest> matrix() throws IOException {
        setUp();
        return table.stream().map(row -> DynamicTest.dynamicTest(row.key(), () -> check(row)));
    }

    private void check(Row row) {
        Call call = calls.get(row.key());
        assertThat(call).as("a call for %s", row.key()).isNotNull();
        // refused callers first: whatever they try, the resource must be as it was for those who may act
        List<String> order = new ArrayList<>(CALLERS.stream().filter(c -> row.cells().get(c).refused()).toList());
        CALLERS.stream().filter(c -> !row.cells().get(c).refused()).forEach(order::add);
        if (call.last != null) {
            order.remove(call.last);
            order.add(call.last);
        }
        String state = call.state == null ? null : call.state.get();
        List<String> wrong = new ArrayList<>();
        for (String caller : order) {
            Expect expect = row.cells().get(caller);
            String user = row.scope().user(caller);
            Api.Response r = call.send.apply(user);
            int status = call.status.apply(r);
            if (Boolean.getBoolean("matrix.dump")) {
                System.out.println("MATRIX " + row.key() + " | " + caller + " " + status + " " + abbreviate(r.body()));
            }
            String who = caller + (user == null || user.equals(caller) ? "" : " (" + user + ")");
            if (status != expect.status()) {
                wrong.add(who + ": expected " + expect + ", got " + status + " " + abbreviate(r.body()));
            } else if (status == 400 && call.invalid != null && !r.body().path("errors").findValuesAsText("field")
                    .contains(call.invalid)) {
                wrong.add(who + ": a 400 about " + call.invalid + " expected, got " + abbreviate(r.body()));
            } else if (expect.listed() != null) {
                assertThat(call.finds).as("%s is a list row: the call says what to look for", row.key()).isNotNull();
                boolean found = call.finds.apply(r);
                if (found != expect.listed()) {
                    wrong.add(who + ": expected " + expect + ", the answer " + (found ? "shows" : "leaves out")
                            + " the resource");
                }
            }
            if (call.state != null) {
                String now = call.state.get();
                boolean mayChange = expect.success() && (call.last == null || caller.equals(call.last));
                if (!mayChange && !now.equals(state)) {
                    wrong.add(who + " (" + status + ") changed the resource:\n  before " + abbreviate(state)
                            + "\n  after  " + abbreviate(now));
                }
                state = now;
            }
        }
        assertThat(wrong).as("line %d of %s: %s", row.line(), TABLE, row.key()).isEmpty();
    }

    private static String abbreviate(Object body) {
        String s = String.valueOf(body);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    // ---- how each row is called ----

    private void define() {
        Map<String, Object> birthForm = new HashMap<>(Map.of("bundleCode", "birth", "form", Map.of(),
                "materials", Map.of()));
        Map<String, Object> enterpriseForm = new HashMap<>(Map.of("bundleCode", "occupational-health", "form",
                Map.of(), "materials", Map.of()));
        Supplier<String> caseCount = () -> read("manager1", "/api/cases?size=1");

        // cases
        on("POST", "/api/cases", "birth, empty form", u -> api.post(u, "/api/cases", birthForm)).state(caseCount)
                .invalid("applicantName");
        on("POST", "/api/cases", "occupational-health, empty form", u -> api.post(u, "/api/cases", enterpriseForm))
                .state(caseCount).invalid("enterpriseName");
        on("GET", "/api/cases", "birth case listed", u -> api.get(u, "/api/cases?size=200")).lists("id", birthCase);
        on("GET", "/api/cases", "enterprise case listed", u -> api.get(u, "/api/cases?size=200"))
                .lists("id", enterpriseCase);
        on("GET", "/api/cases/{id}", "birth", u -> api.get(u, "/api/cases/" + birthCase));
        on("GET", "/api/cases/{id}", "enterprise", u -> api.get(u, "/api/cases/" + enterpriseCase));
        on("POST", "/api/cases/{id}/supplements", "birth, unknown item", u -> api.post(u,
                "/api/cases/" + birthCase + "/supplements", Map.of("itemCode", "noSuchItem", "form", Map.of())))
                .state(() -> caseState(birthCase)).invalid("itemCode");
        on("GET", "/api/cases/{id}/diagram", "birth", u -> api.get(u, "/api/cases/" + birthCase + "/diagram"));
        on("GET", "/api/bundles/{code}/prefill", "birth", u -> api.get(u, "/api/bundles/birth/prefill")).shows(marker);
        on("GET", "/api/bundles/{code}/draft", "birth", u -> api.get(u, "/api/bundles/birth/draft")).shows(marker);
        on("PUT", "/api/bundles/{code}/draft", "birth, field not asked", u -> api.put(u, "/api/bundles/birth/draft",
                Map.of("form", Map.of("nickname", "宝宝"))))
                .state(() -> read("citizen1", "/api/bundles/birth/draft") + read("citizen2", "/api/bundles/birth/draft"))
                .invalid("nickname");
        on("DELETE", "/api/bundles/{code}/draft", "birth", u -> api.delete(u, "/api/bundles/birth/draft"))
                .state(() -> read("citizen1", "/api/bundles/birth/draft")).last("citizen1");
        on("GET", "/api/bundles", "all", u -> api.get(u, "/api/bundles"));
        on("GET", "/api/bundles/{code}", "birth", u -> api.get(u, "/api/bundles/birth"));
        on("GET", "/api/departments", "all", u -> api.get(u, "/api/departments"));

        // materials
        on("POST", "/api/materials", "empty file", u -> api.upload(u, "empty.pdf", new byte[0],
                MediaType.APPLICATION_PDF)).invalid("file");
        on("GET", "/api/materials/{id}", "material of a birth case", u -> api.get(u, "/api/materials/" + birthMaterial));
        on("GET", "/api/materials/{id}", "citizen1's upload in no case", u -> api.get(u, "/api/materials/" + looseUpload));

        // the department's work
        Supplier<String> taskState = () -> read("officer-hospital", "/api/tasks/" + birthTask);
        on("GET", "/api/tasks", "birth task listed", u -> api.get(u, "/api/tasks?size=200&sort=created&order=desc"))
                .lists("id", birthTask);
        on("GET", "/api/tasks/counts", "all", u -> api.get(u, "/api/tasks/counts"));
        on("GET", "/api/tasks/{id}", "birth task", u -> api.get(u, "/api/tasks/" + birthTask));
        on("GET", "/api/tasks/{id}", "colleague's sign task", u -> api.get(u, "/api/tasks/" + signTask));
        on("GET", "/api/tasks/{id}/colleagues", "birth task", u -> api.get(u, task(birthTask, "colleagues")));
        on("GET", "/api/tasks/{id}/return-targets", "birth task", u -> api.get(u, task(birthTask, "return-targets")));
        taskAction("assign", "birth task, unknown colleague", Map.of("assignee", "no-such-officer"), taskState,
                "assignee");
        taskAction("transfer", "birth task, unknown department", Map.of("department", "no-such-department",
                "reason", "矩阵"), taskState, "department");
        taskAction("delegate", "birth task, unknown colleague", Map.of("assignee", "no-such-officer"), taskState,
                "assignee");
        taskAction("resolve", "birth task, not delegated", Map.of("comment", "矩阵"), taskState, null);
        taskAction("return", "birth task, unknown step", Map.of("activityId", "noSuchStep", "reason", "矩阵"), taskState,
                "activityId");
        taskAction("withdraw", "birth task, still open", Map.of("reason", "矩阵"), taskState, null);
        on("POST", "/api/tasks/{id}/withdraw", "birth task the officer approved", u -> api.post(u,
                task(withdrawable, "withdraw"), Map.of("reason", "矩阵"))).state(() -> caseState(withdrawableCase));
        taskAction("cc", "birth task, unknown recipient", Map.of("recipients", List.of("no-such-officer")), taskState,
                "recipients");
        on("POST", "/api/tasks/cc/{copyId}/read", "copy of the birth task to the colleague", u -> api.post(u,
                "/api/tasks/cc/" + copy + "/read", Map.of()))
                .state(() -> read("officer-police", "/api/tasks?view=cc&size=200"));
        taskAction("complete", "birth task, no decision", Map.of("comment", "矩阵"), taskState, "decision");
        taskAction("claim", "birth task", Map.of(), taskState, null);
        on("POST", "/api/tasks/bulk", "claim the birth task", u -> api.post(u, "/api/tasks/bulk",
                Map.of("action", "claim", "taskIds", List.of(birthTask))))
                .status(r -> r.status() == 200 ? r.body().get("results").get(0).get("status").asInt() : r.status())
                .state(taskState);
        taskAction("unclaim", "birth task", Map.of(), taskState, null);
        on("POST", "/api/tasks/bulk", "assign without an assignee", u -> api.post(u, "/api/tasks/bulk",
                Map.of("action", "assign", "taskIds", List.of(birthTask)))).state(taskState).invalid("assignee");
        Supplier<String> countersigns = () -> read("officer-hospital", task(countersignedTask, "countersigns"));
        on("POST", "/api/tasks/{id}/countersign", "birth task with a countersign open", u -> api.post(u,
                task(countersignedTask, "countersign"), Map.of("mode", "BEFORE", "signers", List.of("officer-cdc"))))
                .state(countersigns);
        on("GET", "/api/tasks/{id}/countersigns", "birth task with a countersign open",
                u -> api.get(u, task(countersignedTask, "countersigns")));
        on("DELETE", "/api/tasks/{id}/countersigns/{countersignId}/signers/{username}", "outsider as signer",
                u -> api.delete(u, task(countersignedTask, "countersigns/" + countersign + "/signers/officer-ecology")))
                .state(countersigns);
        on("POST", "/api/tasks/{id}/sign", "colleague's sign task", u -> api.post(u, task(signTask, "sign"),
                Map.of("agree", true, "opinion", "矩阵"))).state(countersigns);

        // saved views of the inbox
        on("GET", "/api/task-views", "officer's own view", u -> api.get(u, "/api/task-views"))
                .lists("id", String.valueOf(view));
        on("POST", "/api/task-views", "no name",
                u -> api.post(u, "/api/task-views", Map.of("name", "", "view", "open"))).invalid("name")
                .state(() -> read("officer-hospital", "/api/task-views") + read("manager1", "/api/task-views"));
        on("DELETE", "/api/task-views/{id}", "officer's own view", u -> api.delete(u, "/api/task-views/" + view))
                .state(() -> read("officer-hospital", "/api/task-views")).last("officer");

        // notifications
        on("GET", "/api/notifications", "citizen1's notification", u -> api.get(u, "/api/notifications?size=200"))
                .lists("id", String.valueOf(notification));
        on("GET", "/api/notifications/unread-count", "all", u -> api.get(u, "/api/notifications/unread-count"));
        on("POST", "/api/notifications/{id}/read", "citizen1's notification", u -> api.post(u,
                "/api/notifications/" + notification + "/read", Map.of()))
                .state(() -> read("citizen1", "/api/notifications?size=200")).last("citizen1");
        on("POST", "/api/notifications/read-all", "all", u -> api.post(u, "/api/notifications/read-all", Map.of()));

        // the joint site inspection
        Supplier<String> inspectionState = () -> read("manager1", "/api/inspections/" + inspection);
        String at = "/api/inspections/" + inspection;
        on("GET", "/api/inspections", "enterprise1's inspection listed", u -> api.get(u, "/api/inspections?size=200"))
                .lists("id", inspection);
        on("GET", "/api/inspections/{id}", "enterprise1's inspection", u -> api.get(u, at));
        on("GET", "/api/cases/{caseId}/inspections", "enterprise1's case",
                u -> api.get(u, "/api/cases/" + enterpriseCase + "/inspections"));
        on("GET", "/api/inspections/{id}/slots", "enterprise1's inspection", u -> api.get(u, at + "/slots"));
        on("PUT", "/api/inspections/{id}/booking", "enterprise1's inspection, day not a date",
                u -> api.put(u, at + "/booking", Map.of("day", "someday", "halfDay", "AM"))).state(inspectionState)
                .invalid("day");
        on("DELETE", "/api/inspections/{id}/booking", "enterprise1's inspection, nothing booked",
                u -> api.delete(u, at + "/booking")).state(inspectionState);
        on("POST", "/api/inspections/{id}/proposal", "enterprise1's inspection, no time",
                u -> api.post(u, at + "/proposal", Map.of("note", "矩阵"))).state(inspectionState).invalid("visitAt");
        on("POST", "/api/inspections/{id}/confirmation", "enterprise1's inspection, nothing proposed",
                u -> api.post(u, at + "/confirmation", Map.of("accept", true))).state(inspectionState);
        on("POST", "/api/inspections/{id}/findings", "enterprise1's inspection, not yet visited",
                u -> api.post(u, at + "/findings", Map.of("result", "PASS"))).state(inspectionState);
        on("POST", "/api/inspections/{id}/rectification", "enterprise1's inspection, nothing to rectify",
                u -> api.post(u, at + "/rectification", Map.of("comment", "矩阵"))).state(inspectionState);

        // licences and supervision
        on("GET", "/api/licences", "enterprise1's licence listed", u -> api.get(u, "/api/licences?size=200"))
                .lists("number", licence);
        on("GET", "/api/licences/{number}", "enterprise1's licence", u -> api.get(u, "/api/licences/" + licence));
        on("GET", "/api/licences/{number}/pdf", "enterprise1's licence",
                u -> api.get(u, "/api/licences/" + licence + "/pdf"));
        on("GET", "/api/licences/{number}/verify", "enterprise1's licence",
                u -> api.get(u, "/api/licences/" + licence + "/verify"));
        Supplier<String> pushState = () -> push("manager1").toString();
        on("GET", "/api/supervision/queue", "the licence's push listed",
                u -> api.get(u, "/api/supervision/queue?size=200&sort=pushedAt&order=desc")).lists("id", push);
        on("POST", "/api/supervision/pushes/{id}/claim", "the licence's push",
                u -> api.post(u, "/api/supervision/pushes/" + push + "/claim", Map.of())).state(pushState);
        on("POST", "/api/supervision/pushes/{id}/result", "the licence's push, unknown result",
                u -> api.post(u, "/api/supervision/pushes/" + push + "/result", Map.of("result", "MAYBE")))
                .state(pushState).invalid("result");
        on("POST", "/api/supervision/draws", "no count", u -> api.post(u, "/api/supervision/draws",
                Map.of("department", "hsupervision"))).state(() -> read("manager1", "/api/supervision/draws?size=1"))
                .invalid("count");
        on("GET", "/api/supervision/draws", "all", u -> api.get(u, "/api/supervision/draws"));
        on("GET", "/api/supervision/draws/{id}", "a draw", u -> api.get(u, "/api/supervision/draws/" + draw));
        on("GET", "/api/supervision/draws/{id}/replay", "a draw",
                u -> api.get(u, "/api/supervision/draws/" + draw + "/replay"));
        on("GET", "/api/enterprises/me/credit", "own", u -> api.get(u, "/api/enterprises/me/credit"));
        on("GET", "/api/enterprises/credit", "all", u -> api.get(u, "/api/enterprises/credit"));

        // 好差评
        Supplier<String> ratingState = () -> read("manager1", "/api/ratings/" + rating);
        on("GET", "/api/cases/{caseId}/ratings", "citizen1's rating of the hospital",
                u -> api.get(u, "/api/cases/" + ratedCase + "/ratings")).lists("id", rating);
        on("POST", "/api/cases/{caseId}/ratings", "level out of range", u -> api.post(u,
                "/api/cases/" + ratedCase + "/ratings", Map.of("itemCode", "birthCertificate", "level", 9)))
                .state(() -> read("manager1", "/api/cases/" + ratedCase + "/ratings")).invalid("level");
        on("GET", "/api/ratings/{id}", "citizen1's rating of the hospital", u -> api.get(u, "/api/ratings/" + rating));
        on("GET", "/api/rectifications", "the rating at verification", u -> api.get(u, "/api/rectifications?size=200"))
                .lists("id", rating);
        ratingAction("verify", "no finding", Map.of("verdict", "rectify"), ratingState, "finding");
        ratingAction("rectify", "empty", Map.of(), ratingState, "plan");
        ratingAction("callback", "no answer", Map.of("comment", "矩阵"), ratingState, "solved");
        ratingAction("exclusion-review", "no decision", Map.of("comment", "矩阵"), ratingState, "approve");
        ratingAction("appeal", "no reason", Map.of(), ratingState, "reason");
        ratingAction("appeal-review", "no decision", Map.of("comment", "矩阵"), ratingState, "uphold");
        on("GET", "/api/ratings/dashboard", "all", u -> api.get(u, "/api/ratings/dashboard"));
        on("GET", "/api/ratings", "all", u -> api.get(u, "/api/ratings"));
        on("GET", "/api/ratings/rectification-stats", "all", u -> api.get(u, "/api/ratings/rectification-stats"));

        // administration
        on("GET", "/api/audit", "all", u -> api.get(u, "/api/audit"));
        on("GET", "/api/search", "the birth case's number", u -> api.get(u, "/api/search?q=" + birthNumber))
                .lists("caseNumber", birthNumber);
        on("GET", "/api/search/status", "all", u -> api.get(u, "/api/search/status"));
        on("POST", "/api/search/reindex", "all", u -> {
            Api.Response r = api.post(u, "/api/search/reindex", Map.of());
            if (r.status() == 202) {
                awaitRebuild();
            }
            return r;
        });
        on("GET", "/api/deadlines/overview", "all", u -> api.get(u, "/api/deadlines/overview"));
        on("GET", "/api/deadlines/items", "all", u -> api.get(u, "/api/deadlines/items"));
        on("GET", "/api/calendar", "all", u -> api.get(u, "/api/calendar"));
        on("GET", "/api/calendar/{year}", "2026", u -> api.get(u, "/api/calendar/2026"));
        on("PUT", "/api/calendar/{year}", "2027, empty", u -> api.put(u, "/api/calendar/2027", Map.of()))
                .state(() -> read("citizen1", "/api/calendar")).invalid("source");
        on("GET", "/api/calendar/deadline", "all",
                u -> api.get(u, "/api/calendar/deadline?start=2026-02-13&workingDays=2"));
        on("GET", "/api/calendar/working-days", "all",
                u -> api.get(u, "/api/calendar/working-days?from=2026-02-13&to=2026-02-27"));

        // process models
        Supplier<String> versions = () -> read("manager1", "/api/models/birth/versions");
        on("GET", "/api/models", "all", u -> api.get(u, "/api/models"));
        on("GET", "/api/models/{key}/versions", "birth", u -> api.get(u, "/api/models/birth/versions"));
        on("GET", "/api/models/{key}/versions/{version}", "birth v1", u -> api.get(u, "/api/models/birth/versions/1"));
        on("GET", "/api/models/{key}/versions/{version}/statistics", "birth v1",
                u -> api.get(u, "/api/models/birth/versions/1/statistics"));
        on("GET", "/api/models/{key}/versions/{version}/activities/{activityId}/cases", "birth v1 出生医学证明",
                u -> api.get(u, "/api/models/birth/versions/1/activities/birthCertificate/cases"));
        on("GET", "/api/models/{key}/diff", "birth v1 to v1", u -> api.get(u, "/api/models/birth/diff?from=1&to=1"));
        on("POST", "/api/models/{key}/diff", "birth, no model",
                u -> api.post(u, "/api/models/birth/diff", Map.of("from", 1))).invalid("xml");
        on("GET", "/api/models/{key}/catalog", "birth", u -> api.get(u, "/api/models/birth/catalog"));
        on("GET", "/api/models/{key}/migration", "birth v1 to v1",
                u -> api.get(u, "/api/models/birth/migration?from=1&to=1"));
        on("POST", "/api/models/{key}/migration", "birth, nothing chosen",
                u -> api.post(u, "/api/models/birth/migration", Map.of())).state(versions)
                .invalid("processInstanceIds");
        on("POST", "/api/models/validate", "no model", u -> api.post(u, "/api/models/validate", Map.of())).invalid("xml");
        on("POST", "/api/models/{key}/deployments", "birth, no model",
                u -> api.post(u, "/api/models/birth/deployments", Map.of("comment", "矩阵"))).state(versions).invalid("xml");

        // 统一预约
        Supplier<String> bookings = () -> read("citizen1", "/api/cases/" + ratedCase + "/appointments");
        on("GET", "/api/appointments", "the day of citizen1's booking",
                u -> api.get(u, "/api/appointments?day=" + bookingDay)).lists("id", String.valueOf(booking));
        on("GET", "/api/cases/{caseId}/visits", "citizen1's case", u -> api.get(u, "/api/cases/" + ratedCase + "/visits"));
        on("GET", "/api/cases/{caseId}/visits/{itemCode}/slots", "citizen1's case, 社会保障卡",
                u -> api.get(u, "/api/cases/" + ratedCase + "/visits/socialSecurityCard/slots"));
        on("GET", "/api/cases/{caseId}/appointments", "citizen1's case",
                u -> api.get(u, "/api/cases/" + ratedCase + "/appointments")).lists("id", String.valueOf(booking));
        on("POST", "/api/cases/{caseId}/appointments", "citizen1's case, day not a date", u -> api.post(u,
                "/api/cases/" + ratedCase + "/appointments", Map.of("itemCode", "birthCertificate", "day", "someday",
                        "halfDay", "AM"))).state(bookings).invalid("day");
        on("POST", "/api/appointments/{id}/move", "citizen1's booking, same half-day", u -> api.post(u,
                "/api/appointments/" + booking + "/move", Map.of("day", bookingDay, "halfDay", bookingHalfDay)))
                .state(bookings).invalid("day");
        on("POST", "/api/appointments/{id}/cancel", "citizen1's booking",
                u -> api.post(u, "/api/appointments/" + booking + "/cancel", Map.of())).state(bookings).last("citizen1");

        // who am I
        on("GET", "/api/me", "own", u -> api.get(u, "/api/me"));
        on("GET", "/api/me/preferences", "own", u -> api.get(u, "/api/me/preferences"));
        on("PUT", "/api/me/preferences", "no choice", u -> api.put(u, "/api/me/preferences", Map.of()))
                .state(() -> read("citizen2", "/api/me/preferences")).invalid("elderMode");
        on("GET", "/api/officers", "all", u -> api.get(u, "/api/officers"));
        on("GET", "/engine-rest/process-definition", "all", u -> api.get(u, "/engine-rest/process-definition"));
    }

    private Call on(String method, String path, String variant, Function<String, Api.Response> send) {
        Call call = new Call(send);
        String key = method + " " + path + " | " + variant;
        assertThat(calls.put(key, call)).as("defined twice: %s", key).isNull();
        return call;
    }

    private void taskAction(String action, String variant, Map<String, ?> body, Supplier<String> state,
            String invalid) {
        on("POST", "/api/tasks/{id}/" + action, variant, u -> api.post(u, task(birthTask, action), body)).state(state)
                .invalid(invalid);
    }

    private void ratingAction(String action, String variant, Map<String, ?> body, Supplier<String> state,
            String invalid) {
        on("POST", "/api/ratings/{id}/" + action, variant, u -> api.post(u, "/api/ratings/" + rating + "/" + action,
                body)).state(state).invalid(invalid);
    }

    private static String task(String id, String action) {
        return "/api/tasks/" + id + "/" + action;
    }

    /** The status and body of a read: what "nothing changed" compares. */
    private String read(String user, String path) {
        Api.Response r = api.get(user, path);
        return r.status() + " " + r.body();
    }

    private String caseState(String caseId) {
        return read("manager1", "/api/cases/" + caseId);
    }

    private JsonNode push(String user) {
        return CaseItems.find(api.get(user, "/api/supervision/queue?size=200&sort=pushedAt&order=desc").body()
                .get("items"), licence, "licenceNumber");
    }

    private void awaitRebuild() {
        Instant limit = Instant.now().plus(Duration.ofSeconds(60));
        while (api.get("admin1", "/api/search/status").body().get("rebuild").get("running").asBoolean()) {
            assertThat(Instant.now()).as("the rebuild should end").isBefore(limit);
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the test's own resources, made through the API ----

    private void fixtures() {
        marker = "矩阵" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

        // citizen1's latest application by the clock (prefill reads the latest five): other tests file some on
        // days ahead of today with the engine's clock moved, so this one is filed just after their latest
        String citizen1 = ok(api.get("citizen1", "/api/me"), 200, "me").get("id").asText();
        OffsetDateTime latest = jdbc.sql("select max(submitted_at) from case_file where applicant_id = ?")
                .param(citizen1).query(OffsetDateTime.class).list().stream().filter(Objects::nonNull).findFirst()
                .orElse(null);
        Instant after = latest == null ? Instant.now() : latest.toInstant().plusSeconds(60);
        ClockUtil.setCurrentTime(Date.from(after.isAfter(Instant.now()) ? after : Instant.now()));
        try {
            submitBirth();
        } finally {
            ClockUtil.reset();
        }

        // 出生一件事 of citizen1, its first task open at the hospital; an earlier answer that only citizen1 has
        JsonNode birth = submitBirth();
        birthCase = birth.get("id").asText();
        birthNumber = birth.get("number").asText();
        birthMaterial = CaseItems.find(birth.get("materials"), "deliveryRecord").get("materialId").asText();
        birthTask = taskOf("officer-hospital", "open", birthCase, "birthCertificate");
        looseUpload = BirthApplication.upload(api, "citizen1", "loose.pdf", BirthApplication.pdf(marker),
                MediaType.APPLICATION_PDF);
        ok(api.post("officer-hospital", task(birthTask, "cc"), Map.of("recipients", List.of("officer-police"),
                "note", marker)), 204, "cc");
        copy = find(api.get("officer-police", "/api/tasks?view=cc&size=200").body().get("items"), birthCase, "caseId")
                .get("cc").get("id").asLong();
        view = ok(api.post("officer-hospital", "/api/task-views", Map.of("name", marker, "view", "open")), 201,
                "view").get("id").asLong();

        // another, worked on: approved to 社会保障卡, rated badly at the hospital, the card's collection booked
        ratedCase = submitBirth().get("id").asText();
        approve("officer-hospital", ratedCase, "birthCertificate");
        approve("officer-police", ratedCase, "householdRegistration");
        approve("officer-hrss", ratedCase, "socialSecurityCard");
        rating = ok(api.post("citizen1", "/api/cases/" + ratedCase + "/ratings", Map.of("itemCode", "birthCertificate",
                "level", 1, "reason", "ATTITUDE")), 201, "rating").get("id").asText();
        JsonNode slots = ok(api.get("citizen1", "/api/cases/" + ratedCase + "/visits/socialSecurityCard/slots"), 200,
                "slots");
        JsonNode slot = null;
        for (JsonNode s : slots) {
            if (s.get("remaining").asInt() > 0) {
                slot = s; // the furthest free half-day: far from the days the appointment tests book
            }
        }
        assertThat(slot).as("a free half-day at 人社: %s", slots).isNotNull();
        bookingDay = slot.get("day").asText();
        bookingHalfDay = slot.get("halfDay").asText();
        booking = ok(api.post("citizen1", "/api/cases/" + ratedCase + "/appointments", Map.of("itemCode",
                "socialSecurityCard", "day", bookingDay, "halfDay", bookingHalfDay)), 201, "booking").get("id").asLong();
        notification = find(api.get("citizen1", "/api/notifications?size=200").body().get("items"), ratedCase,
                "caseId").get("id").asLong();

        // a third, whose first task the hospital approved and may take back
        withdrawableCase = submitBirth().get("id").asText();
        withdrawable = taskOf("officer-hospital", "open", withdrawableCase, "birthCertificate");
        ok(api.post("officer-hospital", task(withdrawable, "complete"), Map.of("decision", "approve")), 200, "approve");

        // a fourth, its task countersigned by the colleague and the outsider (会签)
        String countersigned = submitBirth().get("id").asText();
        countersignedTask = taskOf("officer-hospital", "open", countersigned, "birthCertificate");
        ok(api.post("officer-hospital", task(countersignedTask, "countersign"), Map.of("mode", "PARALLEL", "rule", "ALL",
                "signers", List.of("officer-police", "officer-ecology"), "note", marker)), 200, "countersign");
        countersign = ok(api.get("officer-hospital", task(countersignedTask, "countersigns")), 200, "countersigns")
                .get(0).get("id").asLong();
        signTask = taskOf("officer-police", "mine", countersigned, "birthCertificate");

        // a draft of citizen1's, saved after the filings above (filing a bundle discards its draft)
        ok(api.put("citizen1", "/api/bundles/birth/draft", Map.of("form", Map.of("babyName", marker))), 200, "draft");

        // enterprise1's 职业健康一件事 under joint inspection; its 公共场所卫生许可 licence and supervision push
        enterpriseCase = EnterpriseApplication.occupationalHealthUnderInspection(api);
        inspection = ok(api.get("enterprise1", "/api/cases/" + enterpriseCase + "/inspections"), 200, "inspections")
                .get(0).get("id").asText();
        licence = LicensedCase.issue(api, "enterprise1").number();
        push = push("manager1").get("id").asText();
        draw = ok(api.post("manager1", "/api/supervision/draws", Map.of("count", 1, "department", "hsupervision")), 201,
                "draw").get("id").asText();

        // the search index has the birth case (the relay runs every second)
        Instant limit = Instant.now().plus(Duration.ofSeconds(60));
        while (!api.get("manager1", "/api/search?q=" + birthNumber).body().findValuesAsText("caseNumber")
                .contains(birthNumber)) {
            assertThat(Instant.now()).as("the birth case should be indexed").isBefore(limit);
            sleep(250);
        }
    }

    private JsonNode submitBirth() {
        Map<String, String> form = BirthApplication.form();
        form.put("residenceAddress", form.get("residenceAddress") + marker);
        return ok(api.post("citizen1", "/api/cases", Map.of("bundleCode", "birth", "form", form, "materials",
                BirthApplication.uploadMaterials(api, "citizen1"))), 201, "submit");
    }

    private String taskOf(String officer, String view, String caseId, String item) {
        for (JsonNode t : api.get(officer, "/api/tasks?view=" + view + "&size=200&sort=created&order=desc").body()
                .get("items")) {
            if (caseId.equals(t.get("caseId").asText()) && item.equals(t.get("itemCode").asText())) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no " + item + " task of " + caseId + " in " + officer + "'s " + view);
    }

    private void approve(String officer, String caseId, String item) {
        ok(api.post(officer, task(taskOf(officer, "open", caseId, item), "complete"), Map.of("decision", "approve")),
                200, "approve " + item);
    }

    private static JsonNode find(JsonNode items, String value, String field) {
        for (JsonNode n : items) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError(field + " " + value + " not in " + abbreviate(items));
    }

    private static JsonNode ok(Api.Response r, int status, String what) {
        assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(status);
        return r.body();
    }
}
