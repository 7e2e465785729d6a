package cn.onething;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseViews.CaseDetail;
import cn.onething.casefile.CaseViews.CaseStatus;
import cn.onething.casefile.Decision;
import cn.onething.casefile.MaterialService;
import cn.onething.inspection.InspectionService;
import cn.onething.inspection.InspectionStatus;
import cn.onething.modeler.ModelService;
import cn.onething.security.CurrentUser;
import cn.onething.task.InboxFilter;
import cn.onething.task.InboxService;
import cn.onething.task.InboxView;
import cn.onething.task.TaskActions;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.web.PageQuery;

/**
 * The first run with nothing configured: the embedded H2 database (in memory here), migrations, the
 * engine and a whole case through the service layer.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:embedded-default;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false", EmbeddedDefaultTest.NO_SEARCH})
class EmbeddedDefaultTest {

    /** No Elasticsearch: the search outbox keeps what changed (and nothing lands in a developer's index). */
    static final String NO_SEARCH = "onething.search.url=http://127.0.0.1:1";

    static final CurrentUser PARENT = new CurrentUser("parent-1", "parent", "张三", Set.of("citizen"), Set.of(),
            Map.of());

    @Autowired
    CaseFileService cases;

    @Autowired
    MaterialService materials;

    @Autowired
    TaskActions actions;

    @Autowired
    TaskService tasks;

    @Autowired
    InboxService inbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBirthCaseRunsToTheEndOnTheEmbeddedDatabase() {
        CaseDetail filed = cases.submit(PARENT, BirthApplication.viaServices(materials, PARENT));
        String hospital = cases.taskItem(tasks.createTaskQuery().processInstanceBusinessKey(filed.id())
                .taskDefinitionKey("birthCertificate").singleResult().getId()).orElseThrow().department();
        CurrentUser hospitalOfficer = new CurrentUser("o-hospital", "officer-h", "办事员", Set.of("officer"),
                Set.of(hospital), Map.of());
        InboxFilter birthUnclaimed = new InboxFilter("birth", "birthCertificate", "UNCLAIMED", null, null, null, null,
                null, null);
        for (InboxView view : List.of(InboxView.open, InboxView.unclaimed)) {
            assertThat(inbox.inbox(hospitalOfficer, view, birthUnclaimed, new PageQuery(0, 20, "urgency", true)))
                    .as("the inbox's own SQL on H2: %s", view).satisfies(page -> {
                        assertThat(page.total()).isEqualTo(1);
                        assertThat(page.items()).singleElement().satisfies(t -> {
                            assertThat(t.caseId()).isEqualTo(filed.id());
                            assertThat(t.itemCode()).isEqualTo("birthCertificate");
                        });
                    });
        }
        assertThat(inbox.counts(hospitalOfficer, birthUnclaimed).unclaimed()).isEqualTo(1);

        List<Task> open;
        while (!(open = tasks.createTaskQuery().processInstanceBusinessKey(filed.id()).list()).isEmpty()) {
            for (Task task : open) {
                CurrentUser officer = new CurrentUser("o-" + task.getId(), "officer", "办事员", Set.of("officer"),
                        Set.of(cases.taskItem(task.getId()).orElseThrow().department()), Map.of());
                actions.complete(officer, task.getId(), Decision.APPROVE, null, List.of());
            }
        }

        CaseDetail done = cases.detail(PARENT, filed.id());
        assertThat(done.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(jdbc.queryForList("select distinct doc_type from search_outbox where doc_id = ? or doc_type = 'task'",
                String.class, filed.id())).as("H2's trigger and the task listeners fill the search outbox")
                .containsExactlyInAnyOrder("case", "task");
        assertThat(done.items()).allSatisfy(i -> assertThat(i.status().name()).isEqualTo("APPROVED"));
    }

    @Autowired
    ModelService models;

    @Autowired
    InspectionService inspections;

    @Test
    void aCommitmentPermitItsPostCheckAndTheModelFiguresWorkOnTheEmbeddedDatabase() {
        CurrentUser enterprise = new CurrentUser("enterprise-1", "enterprise1", "康宁口腔医院有限公司",
                Set.of("enterprise"), Set.of(), Map.of());
        CaseDetail filed = cases.submit(enterprise, new CaseFileService.SubmitCase("public-venue-hygiene",
                EnterpriseApplication.venueForm(), Map.of()));
        assertThat(filed.status()).as("permit issued, case 办结").isEqualTo(CaseStatus.COMPLETED);

        CurrentUser manager = new CurrentUser("manager-1", "manager1", "王经理", Set.of("manager"), Set.of(), Map.of());
        assertThat(inspections.ofCase(manager, filed.id())).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(InspectionStatus.SCHEDULING));
        int version = models.versions(manager, "publicVenueHygiene").get(0).version();
        assertThat(models.statistics(manager, "publicVenueHygiene", version)).anySatisfy(f -> {
            assertThat(f.activityId()).isEqualTo("postCheck");
            assertThat(f.running()).isEqualTo(1);
        }).anySatisfy(f -> {
            assertThat(f.activityId()).isEqualTo("issueLicences");
            assertThat(f.completed()).isEqualTo(1);
        });
    }
}
