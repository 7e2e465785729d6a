package cn.onething.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Databases made before this version kept the engine's full history; the platform now runs at the configured
 * level (activity by default: what its timelines, inboxes and rewinds read). The engine refuses to start on a
 * database whose recorded level differs from its configuration, so the record is brought to that level once.
 * A fresh database has no engine tables yet: the engine records the configured level itself.
 */
@Component
class V19__History_level extends BaseJavaMigration {

    private final String configured;

    V19__History_level(@Value("${camunda.bpm.history-level:full}") String configured) {
        this.configured = configured;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Optional<HistoryLevel> level = Stream.of(HistoryLevel.HISTORY_LEVEL_NONE, HistoryLevel.HISTORY_LEVEL_ACTIVITY,
                HistoryLevel.HISTORY_LEVEL_AUDIT, HistoryLevel.HISTORY_LEVEL_FULL)
                .filter(l -> l.getName().equalsIgnoreCase(configured)).findFirst();
        Connection connection = context.getConnection();
        if (level.isEmpty() || !engineTablesExist(connection)) {
            return; // "auto" follows the database anyway
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'historyLevel'")) {
            update.setString(1, Integer.toString(level.get().getId()));
            update.executeUpdate();
        }
    }

    private static boolean engineTablesExist(Connection connection) throws SQLException {
        for (String name : new String[] {"ACT_GE_PROPERTY", "act_ge_property"}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
