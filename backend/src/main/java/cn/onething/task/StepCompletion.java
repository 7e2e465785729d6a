package cn.onething.task;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.TaskItem;
import cn.onething.casefile.Decision;

/** Deciding an item's task, and running work that moves a case on in one transaction, done again on a join race. */
@Component
class StepCompletion {

    private final TaskService tasks;
    private final CaseFileService cases;
    private final TransactionTemplate transaction;
    // Two branches reaching a parallel join at once: the engine refuses one; doing it again succeeds.
    private final RetryTemplate joinRetry = RetryTemplate.builder().maxAttempts(5).exponentialBackoff(20, 2, 500)
            .retryOn(OptimisticLockingException.class).build();

    StepCompletion(TaskService tasks, CaseFileService cases, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.cases = cases;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs the work in a transaction; again from the start when it lost a race at a parallel join. */
    <T> T moving(TransactionCallback<T> work) {
        return joinRetry.execute(attempt -> transaction.execute(work));
    }

    /** Records the decision in the officer's name and completes the task, so the process moves on. */
    void decide(TaskItem item, Task task, String username, String name, Decision decision, String comment,
            List<String> missing) {
        cases.recordDecision(item, task, name, decision, comment, missing);
        if (task.getAssignee() == null) {
            tasks.setAssignee(task.getId(), username); // the history then says who did it (我已办结, 撤回)
        }
        tasks.complete(task.getId(), Map.of(Decision.variableFor(item.itemCode()), decision.value()));
    }
}
