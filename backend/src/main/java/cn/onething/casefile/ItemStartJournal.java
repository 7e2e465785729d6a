package cn.onething.casefile;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.model.bpmn.instance.BaseElement;

import cn.onething.engine.CommandJournal;

/**
 * The items whose tasks one engine command created, written together when the engine flushes the
 * command: one batch instead of a round trip per task on the case-submission hot path.
 */
class ItemStartJournal extends CommandJournal<ItemStartJournal.ItemStart> {

    /**
     * A task created for an item, with the due and warning dates the model gave it; `task`: the item's element in
     * the version of the model the case runs on (its department and days).
     */
    record ItemStart(String processKey, String caseId, String itemCode, String taskId, Date due, Date warnAt,
            BaseElement task) {
    }

    private final CaseFileService cases;

    ItemStartJournal(CaseFileService cases) {
        super(new ArrayList<>());
        this.cases = cases;
    }

    @Override
    protected void write(List<ItemStart> starts) {
        cases.itemTasksCreated(starts);
    }
}
