package cn.onething.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.PlatformTest;

/**
 * An inbox page read either way — walking the urgency index (a tab of more than the count's cap) or from the
 * candidate-group links (a smaller one) — holds the same tasks in the same order, and the count (always from the
 * links) counts a task two of the officer's groups are candidates for once.
 */
@PlatformTest
class InboxQueryTest {

    // the inbox's urgency order, and the id among tasks made in the same millisecond
    private static final String URGENCY = "RES.PRIORITY_ desc, RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc, RES.ID_";

    @Autowired
    TaskService tasks;

    @Autowired
    Api api;

    @BeforeEach
    void openTasks() {
        for (int i = 0; i < 3; i++) {
            BirthApplication.submit(api, "citizen1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unclaimed", "open", "department of two", "filtered"})
    void bothWaysOfReadingAPageAgree(String tab) {
        Supplier<InboxQuery> query = switch (tab) {
            case "unclaimed" -> () -> new InboxQuery().candidates("RES.ASSIGNEE_ is null", List.of("cdc"));
            case "open" -> () -> {
                InboxQuery q = new InboxQuery();
                return q.branch("RES.ASSIGNEE_ = " + InboxQuery.literal("officer-cdc"))
                        .candidates("RES.ASSIGNEE_ is null", List.of("cdc"));
            };
            case "department of two" -> () -> new InboxQuery().candidates(null, List.of("cdc", "hospital"));
            default -> () -> {
                InboxQuery q = new InboxQuery().candidates(null, List.of("cdc", "hospital"));
                return q.and("RES.TASK_DEF_KEY_ = " + q.value("birthCertificate"));
            };
        };

        List<String> walked = ids(query.get().page(tasks, URGENCY, 0, 20, true));
        List<String> linked = ids(query.get().page(tasks, URGENCY, 0, 20, false));
        assertThat(walked).hasSizeGreaterThanOrEqualTo(3).isEqualTo(linked);
        assertThat(ids(query.get().page(tasks, URGENCY, 2, 5, true)))
                .isEqualTo(ids(query.get().page(tasks, URGENCY, 2, 5, false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdc", "hospital"})
    void aTaskOfTwoOfTheOfficersGroupsIsCountedOnce(String second) {
        Task task = tasks.createTaskQuery().taskCandidateGroup("cdc").taskUnassigned().list().get(0);
        if (!second.equals("cdc")) {
            tasks.addCandidateGroup(task.getId(), second);
        }
        try {
            long bothGroups = new InboxQuery().candidates(null, List.of("cdc", second)).count(tasks);
            long expected = tasks.createTaskQuery().taskCandidateGroupIn(List.of("cdc", second))
                    .includeAssignedTasks().count();
            assertThat(bothGroups).isEqualTo(Math.min(expected, InboxService.COUNT_CAP + 1));
        } finally {
            if (!second.equals("cdc")) {
                tasks.deleteCandidateGroup(task.getId(), second);
            }
        }
    }

    private static List<String> ids(List<Task> page) {
        return page.stream().map(Task::getId).toList();
    }
}
