package cn.onething.casefile;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The items whose tasks one engine command created, written together when the engine flushes the
 * command: one batch instead of a round trip per task on the case-submission hot path.
 */
class ItemStartJournal implements Session {

    /** A task created for an item, with the due and warning dates the model gave it. */
    /** `task`: the item's element in the version of the model the case runs on (its department and days). */
    record ItemStart(String processKey, String caseId, String itemCode, String taskId, Date due, Date warnAt,
            org.camunda.bpm.model.bpmn.instance.BaseElement task) {
    }

    private final CaseFileService cases;
    private final List<ItemStart> starts = new ArrayList<>();

    ItemStartJournal(CaseFileService cases) {
        this.cases = cases;
    }

    void add(ItemStart start) {
        starts.add(start);
    }

    @Override
    public void flush() {
        if (!starts.isEmpty()) {
            cases.itemTasksCreated(List.copyOf(starts));
            starts.clear();
        }
    }

    @Override
    public void close() {
        starts.clear();
    }

    /** Opens one journal per engine command. */
    record Factory(java.util.function.Supplier<CaseFileService> cases) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return ItemStartJournal.class;
        }

        @Override
        public Session openSession() {
            return new ItemStartJournal(cases.get());
        }
    }
}
