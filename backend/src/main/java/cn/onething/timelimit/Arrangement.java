package cn.onething.timelimit;

import java.util.List;

/**
 * A year's arrangement as written by people: a file under bpmn/calendar/, an administrator's upload, a
 * database row. Dates are text until {@link ArrangementCheck} has read them, so that a bad one can be named.
 */
public record Arrangement(Integer year, String source, List<Entry> holidays) {

    public record Entry(String name, String from, String to, List<String> worked) {
    }

    /** The checked year written back in the same shape, as it is stored. */
    static Arrangement of(CalendarYear year) {
        return new Arrangement(year.year(), year.source(), year.holidays().stream()
                .map(h -> new Entry(h.name(), h.from().toString(), h.to().toString(),
                        h.worked().stream().map(Object::toString).toList()))
                .toList());
    }
}
