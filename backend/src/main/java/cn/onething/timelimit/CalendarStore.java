package cn.onething.timelimit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.timelimit.CalendarYear.Origin;
import cn.onething.web.InvalidRequestException;

/** The calendar_year table: years uploaded by administrators. */
@Repository
class CalendarStore {

    /** What changes when any node stores a year: compared to know whether to reload. */
    record Stamp(long rows, Instant latest) {

        static Stamp of(List<CalendarYear> stored) {
            return new Stamp(stored.size(), stored.stream().map(CalendarYear::updatedAt).filter(Objects::nonNull)
                    .map(OffsetDateTime::toInstant).max(Comparator.naturalOrder()).orElse(null));
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CalendarStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<CalendarYear> all() {
        return jdbc.sql("select year_number, arrangement, updated_by, updated_at from calendar_year order by year_number")
                .query((rs, i) -> read(rs))
                .list();
    }

    Stamp stamp() {
        return jdbc.sql("select count(*), max(updated_at) from calendar_year")
                .query((rs, i) -> {
                    OffsetDateTime latest = rs.getObject(2, OffsetDateTime.class);
                    return new Stamp(rs.getLong(1), latest == null ? null : latest.toInstant());
                })
                .single();
    }

    void save(CalendarYear year) {
        String arrangement = write(Arrangement.of(year));
        String update = "update calendar_year set arrangement = ?, updated_by = ?, updated_at = ? where year_number = ?";
        if (jdbc.sql(update).params(arrangement, year.updatedBy(), year.updatedAt(), year.year()).update() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into calendar_year (year_number, arrangement, updated_by, updated_at) values (?, ?, ?, ?)")
                    .params(year.year(), arrangement, year.updatedBy(), year.updatedAt())
                    .update();
        } catch (DuplicateKeyException e) { // another administrator inserted the year a moment ago
            jdbc.sql(update).params(arrangement, year.updatedBy(), year.updatedAt(), year.year()).update();
        }
    }

    private CalendarYear read(ResultSet rs) throws SQLException {
        int year = rs.getInt(1);
        try {
            return ArrangementCheck.check(year, json.readValue(rs.getString(2), Arrangement.class), Origin.DATABASE,
                    rs.getString(3), rs.getObject(4, OffsetDateTime.class));
        } catch (JsonProcessingException | InvalidRequestException e) {
            throw new IllegalStateException("calendar_year " + year + " cannot be used: " + e.getMessage(), e);
        }
    }

    private String write(Arrangement arrangement) {
        try {
            return json.writeValueAsString(arrangement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
