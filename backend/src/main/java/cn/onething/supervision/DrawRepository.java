package cn.onething.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.web.PageQuery;

/** The 双随机 draws as they were made: who, when, the seed, the candidates with their grades, the result. */
@Repository
class DrawRepository {

    private static final TypeReference<List<Candidate>> CANDIDATES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DrawRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One enterprise in a draw's population, with the grade and weight it had then. */
    record Candidate(String holderId, String name, String creditCode, CreditGrade grade, int weight) {
    }

    record DrawRow(String id, String drawnBy, OffsetDateTime drawnAt, long seed, String department, int count,
            List<Candidate> population, List<String> drawn) {
    }

    void insert(DrawRow d) {
        jdbc.sql("""
                insert into supervision_draw (id, drawn_by, drawn_at, seed, department, draw_count, population, result)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.drawnBy(), d.drawnAt(), d.seed(), d.department(), d.count(), write(d.population()),
                        write(d.drawn()))
                .update();
    }

    Optional<DrawRow> find(String id) {
        return jdbc.sql("select * from supervision_draw where id = ?").param(id).query(this::row).optional();
    }

    List<DrawRow> page(PageQuery page) {
        return jdbc.sql("select * from supervision_draw order by drawn_at desc, id limit ? offset ?")
                .params(page.size(), page.offset()).query(this::row).list();
    }

    long count() {
        return jdbc.sql("select count(*) from supervision_draw").query(Long.class).single();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DrawRow row(ResultSet rs, int n) throws SQLException {
        try {
            return new DrawRow(rs.getString("id"), rs.getString("drawn_by"),
                    rs.getObject("drawn_at", OffsetDateTime.class), rs.getLong("seed"), rs.getString("department"),
                    rs.getInt("draw_count"), json.readValue(rs.getString("population"), CANDIDATES),
                    json.readValue(rs.getString("result"), IDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("draw " + rs.getString("id") + " is unreadable", e);
        }
    }
}
