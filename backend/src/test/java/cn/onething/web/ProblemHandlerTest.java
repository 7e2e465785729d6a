package cn.onething.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a client is told when the database fails under a request: the exceptions are the ones PostgreSQL, HikariCP
 * and Spring raised in ClusterIT's restart of PostgreSQL under load, where they had surfaced as 500.
 */
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler(new BodySizeLimit(DataSize.ofMegabytes(2), new ObjectMapper()));

    @Test
    void aConnectionBrokenMidTransactionIsUnavailableNotAnInternalError() throws Exception {
        // PostgreSQL's fast shutdown ends the connection; the rollback then fails on the closed connection and
        // Spring reports the rollback, keeping the real reason as the "application exception"
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

        assertRetryLater(handler.unexpected(rollbackFailed), 5, "数据库暂时不可用");
    }

    @Test
    void aCommitOnABrokenConnectionIsUnavailableNotAnInternalError() throws Exception {
        // the commit fails (logged by Spring only), then the rollback on the connection the pool has closed since
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));

        assertRetryLater(handler.unexpected(new RuntimeException("persistence", rollbackFailed)), 5, "数据库暂时不可用");
    }

    @Test
    void aDatabaseThatRefusesConnectionsIsUnavailable() throws Exception {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms.", "08001",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001", new ConnectException("refused")));

        assertRetryLater(handler.unexpected(timeout), 5, "数据库暂时不可用");
    }

    @Test
    void everyConnectionBusyIsTooMuchAtOnceNotADatabaseOutage() throws Exception {
        // the pool's wait ran out with no failure to connect behind it: the database is fine, the node is overloaded
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms.");

        assertRetryLater(handler.unexpected(timeout), 2, "系统繁忙");
    }

    @Test
    void aRollbackThatFailedForAnotherReasonStaysAnInternalError() throws Exception {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new IllegalStateException("a bug"));

        ResponseEntity<ProblemDetail> answer = handler.unexpected(rollbackFailed);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(answer.getBody().getDetail()).doesNotContain("Connection is closed").doesNotContain("a bug");
    }

    private static void assertRetryLater(ResponseEntity<ProblemDetail> answer, int seconds, String says) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(String.valueOf(seconds));
        assertThat(answer.getBody().getDetail()).contains(says).contains("重试");
    }
}
