package cn.onething.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import cn.onething.bundle.Bundle;
import cn.onething.casefile.CaseViews.Diagram;
import cn.onething.timelimit.Deadlines;

/** The casefile feature's calls into the process engine, kept in one place (see DESIGN: a thin layer). */
@Component
class CaseProcess {

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final HistoryService history;

    CaseProcess(RuntimeService runtime, RepositoryService repository, HistoryService history) {
        this.runtime = runtime;
        this.repository = repository;
        this.history = history;
    }

    /**
     * Starts the version of the bundle's process the case was checked against; the case id is the business key
     * that ties tasks back to the case.
     */
    void start(String processDefinitionId, String caseId) {
        runtime.startProcessInstanceById(processDefinitionId, caseId);
    }

    /** Resumes the item; its new task's deadline counts only what is left after the days already used. */
    void supplementAnswered(String caseId, String itemCode, int elapsedDays) {
        runtime.createMessageCorrelation(Bundle.supplementMessage(itemCode))
                .processInstanceBusinessKey(caseId)
                .setVariable(Deadlines.elapsedVariable(itemCode), elapsedDays)
                .correlate();
    }

    /** The bundle's own process: a called one (a site inspection) has the same business key. */
    Diagram diagram(String caseId, String processKey) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).processDefinitionKey(processKey).singleResult();
        String xml;
        try (InputStream in = repository.getProcessModel(instance.getProcessDefinitionId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).list();
        List<String> active = activities.stream().filter(a -> a.getEndTime() == null)
                .map(HistoricActivityInstance::getActivityId).distinct().toList();
        List<String> completed = activities.stream().filter(a -> a.getEndTime() != null)
                .map(HistoricActivityInstance::getActivityId).distinct()
                .filter(id -> !active.contains(id)).toList();
        return new Diagram(xml, active, completed);
    }
}
