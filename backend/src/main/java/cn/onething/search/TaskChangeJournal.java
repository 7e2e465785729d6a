package cn.onething.search;

import java.util.LinkedHashSet;
import java.util.List;

import cn.onething.engine.CommandJournal;

/**
 * The tasks one engine command changed, put in the search outbox together when the engine flushes the command;
 * a task created and assigned in one command is one row.
 */
class TaskChangeJournal extends CommandJournal<String> {

    private final SearchOutbox outbox;

    TaskChangeJournal(SearchOutbox outbox) {
        super(new LinkedHashSet<>());
        this.outbox = outbox;
    }

    @Override
    protected void write(List<String> taskIds) {
        outbox.changed(SearchDocType.TASK, taskIds);
    }
}
