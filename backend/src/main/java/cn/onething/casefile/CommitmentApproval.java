package cn.onething.casefile;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;

/**
 * 告知承诺: an item the applicant's signed commitment decides. The model runs it as a service task named
 * after the item ({@code ${commitments.approve(execution)}}); checking the commitment is a post-check's job,
 * which runs after the case is closed ({@code ${commitments.caseDecided(execution)}} once the licence is
 * issued). Public because the engine's expressions call it.
 */
@Component("commitments")
public class CommitmentApproval {

    private static final String SYSTEM = "系统";

    private final CaseRepository repository;
    private final BundleCatalog catalog;
    private final Clock clock;
    private final CaseFileService cases;

    CommitmentApproval(CaseRepository repository, BundleCatalog catalog, Clock clock, CaseFileService cases) {
        this.cases = cases;
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    public void approve(DelegateExecution execution) {
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        String itemCode = execution.getCurrentActivityId();
        Bundle.Item item = catalog.bundleOfProcess(processKey).flatMap(b -> b.item(itemCode)).orElseThrow(
                () -> new IllegalStateException(itemCode + " of process " + processKey + " is no item of the catalog"));
        String caseId = execution.getProcessBusinessKey();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String comment = "告知承诺：申请人已签署承诺书，当场准予许可，事后核查";
        if (repository.approveOnCommitment(caseId, itemCode, item.promisedDays(), comment, SYSTEM, now) == 1) {
            repository.addEvent(caseId, now, "ITEM_APPROVE", itemCode, SYSTEM, item.name() + "：通过。" + comment);
        }
        execution.setVariable(Decision.variableFor(itemCode), Decision.APPROVE.value());
    }

    /** The permit is decided and issued: the case is 办结 while its post-check goes on. */
    public void caseDecided(DelegateExecution execution) {
        cases.caseDecided(execution.getProcessBusinessKey());
    }
}
