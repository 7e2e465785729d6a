package cn.onething.security;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's display preferences (长者版), by their account id. Null until they choose, so the choice made on the
 * device before signing in can be adopted.
 */
@Repository
class Preferences {

    record Preference(Boolean elderMode) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Preferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Preference of(String userId) {
        return jdbc.sql("select elder_mode from user_preference where user_id = ?").param(userId)
                .query((rs, n) -> new Preference(rs.getBoolean(1))).optional().orElse(new Preference(null));
    }

    @Transactional
    Preference save(String userId, Preference preference) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (jdbc.sql("update user_preference set elder_mode = ?, updated_at = ? where user_id = ?")
                .params(preference.elderMode(), now, userId).update() == 0) {
            jdbc.sql("insert into user_preference (user_id, elder_mode, updated_at) values (?, ?, ?)")
                    .params(userId, preference.elderMode(), now).update();
        }
        return preference;
    }
}
