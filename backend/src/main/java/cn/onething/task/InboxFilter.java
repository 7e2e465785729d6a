package cn.onething.task;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import cn.onething.timelimit.Light;

/**
 * What an inbox view is narrowed to, as the query string gives it; every part optional.
 *
 * @param status UNCLAIMED, CLAIMED or DELEGATED
 * @param applicant the applicant's full name
 */
public record InboxFilter(String bundle, String item, String status, Light light,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo, String applicant) {

    static final InboxFilter NONE = new InboxFilter(null, null, null, null, null, null, null, null, null);
}
