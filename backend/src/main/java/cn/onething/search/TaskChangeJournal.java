package cn.onething.search;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The tasks one engine command changed, put in the search outbox together when the engine flushes the
 * command: one batch instead of a round trip per task event, and a task created and assigned in one
 * command is one row.
 */
class TaskChangeJournal implements Session {

    private final SearchOutbox outbox;
    private final Set<String> taskIds = new LinkedHashSet<>();

    TaskChangeJournal(SearchOutbox outbox) {
        this.outbox = outbox;
    }

    void changed(String taskId) {
        taskIds.add(taskId);
    }

    @Override
    public void flush() {
        if (!taskIds.isEmpty()) {
            outbox.changed(SearchDocType.TASK, taskIds);
            taskIds.clear();
        }
    }

    @Override
    public void close() {
        taskIds.clear();
    }

    /** Opens one journal per engine command. */
    record Factory(Supplier<SearchOutbox> outbox) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return TaskChangeJournal.class;
        }

        @Override
        public Session openSession() {
            return new TaskChangeJournal(outbox.get());
        }
    }
}
