package cn.onething.appointment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published places of a resource per half-day, taken and given back: a department's reception (its code) or
 * its site-inspection teams ({@link #inspectionTeams}). Places are counted in the database, so every node of a
 * cluster sees the same count.
 */
@Repository
public class Capacity {

    private static final String THE_SLOT = " where resource = ? and visit_day = ? and half_day = ?";

    /** A half-day of a resource. */
    public record Slot(String resource, LocalDate day, HalfDay halfDay) {

        Object[] key() {
            return new Object[] {resource, day, halfDay.name()};
        }
    }

    /** The resource of a department's site-inspection teams (one team makes one visit per half-day). */
    public static String inspectionTeams(String department) {
        return "inspection:" + department;
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    Capacity(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Takes a place in the half-day if one is left: its number in the half-day (never given twice, even after a
     * cancellation), or empty when it is full. The row lock of the conditional update is what keeps two
     * concurrent bookings from both taking the last place.
     */
    public Optional<Integer> take(Slot slot, int capacity) {
        if (!exists(slot)) {
            savepoint.executeWithoutResult(status -> {
                try {
                    jdbc.sql("insert into appointment_slot (resource, visit_day, half_day, capacity) "
                            + "values (?, ?, ?, ?)")
                            .params(slot.resource(), slot.day(), slot.halfDay().name(), capacity).update();
                } catch (DuplicateKeyException e) {
                    // made meanwhile by a concurrent booking: back to before the insert, and take from theirs
                    status.setRollbackOnly();
                }
            });
        }
        int taken = jdbc.sql("update appointment_slot set booked = booked + 1, issued = issued + 1" + THE_SLOT
                + " and booked < capacity").params(slot.key()).update();
        if (taken == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select issued from appointment_slot" + THE_SLOT).params(slot.key())
                .query(Integer.class).single());
    }

    public void release(Slot slot) {
        jdbc.sql("update appointment_slot set booked = booked - 1" + THE_SLOT).params(slot.key()).update();
    }

    private boolean exists(Slot slot) {
        return jdbc.sql("select count(*) from appointment_slot" + THE_SLOT).params(slot.key()).query(Long.class)
                .single() > 0;
    }

    /** Places taken per half-day of the resource between the days (inclusive). */
    public Map<Slot, Integer> booked(String resource, LocalDate from, LocalDate to) {
        Map<Slot, Integer> booked = new HashMap<>();
        jdbc.sql("select visit_day, half_day, booked from appointment_slot "
                + "where resource = ? and visit_day between ? and ?")
                .params(resource, from, to)
                .query(rs -> {
                    booked.put(new Slot(resource, rs.getObject(1, LocalDate.class), HalfDay.valueOf(rs.getString(2))),
                            rs.getInt(3));
                });
        return booked;
    }
}
