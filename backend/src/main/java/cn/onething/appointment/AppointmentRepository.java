package cn.onething.appointment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AppointmentRepository {

    private static final String COLUMNS = "id, case_id, item_code, purpose, applicant_id, department, visit_day, "
            + "half_day, queue_number, window_no, status, booked_at, ended_at, reminded_at";

    enum Status {
        BOOKED, CANCELLED, MOVED
    }

    record Row(long id, String caseId, String itemCode, String purpose, String applicantId, String department,
            LocalDate day, HalfDay halfDay, int queueNumber, int window, Status status, OffsetDateTime bookedAt,
            OffsetDateTime endedAt, OffsetDateTime remindedAt) {
    }

    private final JdbcClient jdbc;

    AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the booking; false when the visit is booked already (by a concurrent request). */
    boolean insert(String caseId, String itemCode, String purpose, String applicantId, Capacity.Slot slot,
            int queueNumber, int window, OffsetDateTime at) {
        try {
            jdbc.sql("""
                    insert into appointment (case_id, item_code, purpose, applicant_id, department, visit_day, half_day,
                                             queue_number, window_no, status, active_key, booked_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?)""")
                    .params(caseId, itemCode, purpose, applicantId, slot.resource(), slot.day(),
                            slot.halfDay().name(), queueNumber, window, activeKey(caseId, itemCode), at)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Ends the booking (cancelled or moved); false when it was no longer booked. */
    boolean end(long id, Status status, OffsetDateTime at) {
        return jdbc.sql("update appointment set status = ?, active_key = null, ended_at = ? "
                + "where id = ? and status = 'BOOKED'").params(status.name(), at, id).update() == 1;
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from appointment where id = ?").param(id)
                .query(AppointmentRepository::row).optional();
    }

    /** The visit's booking now, if it has one. */
    Optional<Row> booked(String caseId, String itemCode) {
        return jdbc.sql("select " + COLUMNS + " from appointment where active_key = ?")
                .param(activeKey(caseId, itemCode)).query(AppointmentRepository::row).optional();
    }

    List<Row> ofCase(String caseId) {
        return jdbc.sql("select " + COLUMNS + " from appointment where case_id = ? order by id desc").param(caseId)
                .query(AppointmentRepository::row).list();
    }

    /** A booking on a department's day list, with its case's number and applicant. */
    record Listed(Row row, String caseNumber, String applicantName) {
    }

    /** The bookings still standing at these departments on the day, in the order of the queue. */
    List<Listed> dayList(Collection<String> departments, LocalDate day) {
        if (departments.isEmpty()) {
            return List.of();
        }
        String columns = Arrays.stream(COLUMNS.split(", ")).map(c -> "a." + c).collect(Collectors.joining(", "));
        return jdbc.sql("select " + columns + ", c.number, c.applicant_name from appointment a "
                + "join case_file c on c.id = a.case_id where a.status = 'BOOKED' and a.visit_day = :day "
                + "and a.department in (:departments) order by a.half_day, a.department, a.queue_number")
                .param("day", day).param("departments", departments)
                .query((rs, n) -> new Listed(row(rs, n), rs.getString(15), rs.getString(16))).list();
    }

    /** Bookings of the days up to `until` not reminded yet. */
    List<Row> toRemind(LocalDate from, LocalDate until) {
        return jdbc.sql("select " + COLUMNS + " from appointment where status = 'BOOKED' and reminded_at is null "
                + "and visit_day between ? and ? order by id").params(from, until).query(AppointmentRepository::row)
                .list();
    }

    /** Marks the booking reminded; false when another node did it first, or it ended meanwhile. */
    boolean reminded(long id, OffsetDateTime at) {
        return jdbc.sql("update appointment set reminded_at = ? where id = ? and reminded_at is null "
                + "and status = 'BOOKED'").params(at, id).update() == 1;
    }

    private static String activeKey(String caseId, String itemCode) {
        return caseId + ":" + itemCode;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), HalfDay.valueOf(rs.getString(8)), rs.getInt(9),
                rs.getInt(10), Status.valueOf(rs.getString(11)), rs.getObject(12, OffsetDateTime.class),
                rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class));
    }
}
