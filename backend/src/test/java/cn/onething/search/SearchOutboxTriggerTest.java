package cn.onething.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.testsupport.PlatformTest;

/**
 * PostgreSQL's outbox trigger: every change to a case reaches the outbox, once per transaction (the relay
 * indexes the case as it is at commit). Counted inside the transaction, which is then rolled back.
 */
@PlatformTest
class SearchOutboxTriggerTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCaseChangedManyTimesInOneTransactionIsOneOutboxRow() {
        String caseId = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        long[] rows = inRolledBackTransaction(status -> {
            insertCase(caseId, "A");
            for (String item : new String[] {"birthCertificate", "vaccination", "hukou"}) {
                jdbc.update("insert into case_item (case_id, item_code, department, status)"
                        + " values (?, ?, 'hospital', 'WAITING')", caseId, item);
            }
            jdbc.update("update case_item set status = 'IN_PROGRESS' where case_id = ?", caseId);
            insertCase(other, "B");
            return new long[] {outboxRows(caseId), outboxRows(other)};
        });
        assertThat(rows).as("one row per case changed, however often").containsExactly(1, 1);
    }

    @Test
    void aChangeUndoneBySavepointDoesNotHideTheNextOne() {
        String caseId = UUID.randomUUID().toString();
        long rows = inRolledBackTransaction(status -> {
            Object savepoint = status.createSavepoint();
            insertCase(caseId, "A");
            status.rollbackToSavepoint(savepoint);
            insertCase(caseId, "B");
            return outboxRows(caseId);
        });
        assertThat(rows).isEqualTo(1);
    }

    /** The tests' rows never stay: a bare case row (no clock, no items) would upset other tests' case lists. */
    private <T> T inRolledBackTransaction(TransactionCallback<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return work.doInTransaction(status);
        });
    }

    private void insertCase(String caseId, String numberSuffix) {
        jdbc.update("""
                insert into case_file (id, number, bundle_code, applicant_id, applicant_name, status, form_data,
                                       submitted_at)
                values (?, ?, 'birth', 'outbox-test', '张三', 'IN_PROGRESS', '{}', ?)""",
                caseId, "TEST-" + caseId.substring(0, 8) + numberSuffix, OffsetDateTime.now());
    }

    private long outboxRows(String caseId) {
        return jdbc.queryForObject("select count(*) from search_outbox where doc_type = 'case' and doc_id = ?",
                Long.class, caseId);
    }
}
