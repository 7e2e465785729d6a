package cn.onething.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.testsupport.PlatformTest;

/**
 * PostgreSQL's outbox trigger: every change to a case reaches the outbox, once per transaction (the relay
 * indexes the case as it is at commit). Counted inside the transaction, before the relay can see the rows.
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
        long rows = new TransactionTemplate(transactions).execute(status -> {
            insertCase(caseId, "A");
            for (String item : new String[] {"birthCertificate", "vaccination", "hukou"}) {
                jdbc.update("insert into case_item (case_id, item_code, department, status) values (?, ?, 'hospital', 'WAITING')",
                        caseId, item);
            }
            jdbc.update("update case_item set status = 'IN_PROGRESS' where case_id = ?", caseId);
            return outboxRows(caseId);
        });
        assertThat(rows).isEqualTo(1);

        long later = new TransactionTemplate(transactions).execute(status -> {
            long before = outboxRows(caseId);
            jdbc.update("update case_file set status = 'COMPLETED' where id = ?", caseId);
            return outboxRows(caseId) - before;
        });
        assertThat(later).as("a later transaction's change is a row of its own").isEqualTo(1);
    }

    @Test
    void aChangeUndoneBySavepointDoesNotHideTheNextOne() {
        String caseId = UUID.randomUUID().toString();
        long rows = new TransactionTemplate(transactions).execute(status -> {
            Object savepoint = status.createSavepoint();
            insertCase(caseId, "A");
            status.rollbackToSavepoint(savepoint);
            insertCase(caseId, "B");
            return outboxRows(caseId);
        });
        assertThat(rows).isEqualTo(1);
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
