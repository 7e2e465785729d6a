package cn.onething.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.h2.api.Trigger;

/**
 * The search outbox's trigger on the embedded H2 database (PostgreSQL has it in PL/pgSQL): a changed row of a
 * case, item, rating or licence adds a row naming the search document it belongs to, in the same transaction.
 */
public class H2OutboxTrigger implements Trigger {

    /** Table → the document type and the column holding the document's id. */
    private static final Map<String, String[]> DOCUMENTS = Map.of(
            "CASE_FILE", new String[] {SearchDocType.CASE.code(), "ID"},
            "CASE_ITEM", new String[] {SearchDocType.CASE.code(), "CASE_ID"},
            "RATING", new String[] {SearchDocType.RATING.code(), "ID"},
            "LICENCE", new String[] {SearchDocType.LICENCE.code(), "NUMBER"});

    private String docType;
    private int idColumn;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        String[] document = DOCUMENTS.get(tableName.toUpperCase());
        if (document == null) {
            throw new SQLException("no search document for table " + tableName);
        }
        docType = document[0];
        try (ResultSet columns = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").equalsIgnoreCase(document[1])) {
                    idColumn = columns.getInt("ORDINAL_POSITION") - 1;
                    return;
                }
            }
        }
        throw new SQLException("table " + tableName + " has no column " + document[1]);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Object id = (newRow != null ? newRow : oldRow)[idColumn];
        try (PreparedStatement insert = conn.prepareStatement(
                "insert into search_outbox (doc_type, doc_id) values (?, ?)")) {
            insert.setString(1, docType);
            insert.setString(2, String.valueOf(id));
            insert.executeUpdate();
        }
    }
}
