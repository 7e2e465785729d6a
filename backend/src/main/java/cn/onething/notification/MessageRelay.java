package cn.onething.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the applicants' messages through the channel. A node claims a message before sending it, so two nodes
 * never send the same one; a failed send is tried again later, with longer waits; a message is marked sent once.
 * (A node dying between the gateway's acceptance and the mark sends it again once its claim runs out: the key
 * is the same, for gateways that drop repeats.)
 */
@Component
public class MessageRelay {

    private static final Logger log = LoggerFactory.getLogger(MessageRelay.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 50;
    static final int MAX_ATTEMPTS = 8;

    private final JdbcClient jdbc;
    private final MessageChannel channel;
    private final ApplicantContacts contacts;
    private final Clock clock;

    MessageRelay(JdbcClient jdbc, MessageChannel channel, ApplicantContacts contacts, Clock clock) {
        this.jdbc = jdbc;
        this.channel = channel;
        this.contacts = contacts;
        this.clock = clock;
    }

    private record Due(long id, String caseId, String text, int attempts) {
    }

    /** Sends what is due now; how many messages it handled (taken, refused, or with no phone to go to). */
    @Scheduled(initialDelayString = "${onething.messages.relay-delay:PT10S}",
            fixedDelayString = "${onething.messages.relay-interval:PT10S}")
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Due> due = jdbc.sql("""
                select id, case_id, text, attempts from outgoing_message
                where sent_at is null and attempts < ? and next_attempt_at <= ?
                  and (claimed_until is null or claimed_until < ?)
                order by id limit ?""")
                .params(MAX_ATTEMPTS, now, now, BATCH)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
        int handled = 0;
        for (Due message : due) {
            if (claim(message.id(), now)) {
                send(message);
                handled++;
            }
        }
        return handled;
    }

    private boolean claim(long id, OffsetDateTime now) {
        return jdbc.sql("""
                update outgoing_message set claimed_until = ?
                where id = ? and sent_at is null and (claimed_until is null or claimed_until < ?)""")
                .params(now.plus(CLAIM), id, now).update() == 1;
    }

    private void send(Due message) {
        String phone = message.caseId() == null ? null : contacts.phoneFor(message.caseId()).orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (phone == null) {
            // nothing to retry: the applicant reads it in the app
            jdbc.sql("update outgoing_message set sent_at = ?, last_error = ? where id = ?")
                    .params(now, "无联系电话，仅站内提醒", message.id()).update();
            return;
        }
        try {
            channel.send(new MessageChannel.Message("onething-" + message.id(), phone, message.text()));
        } catch (Exception e) {
            int attempts = message.attempts() + 1;
            Duration wait = Duration.ofMinutes(1L << Math.min(attempts, 10));
            jdbc.sql("""
                    update outgoing_message set attempts = ?, next_attempt_at = ?, claimed_until = null, last_error = ?
                    where id = ?""")
                    .params(attempts, now.plus(wait), truncate(String.valueOf(e.getMessage())), message.id()).update();
            log.warn("message {} not sent (attempt {} of {}), next in {}: {}", message.id(), attempts, MAX_ATTEMPTS,
                    wait, e.toString());
            return;
        }
        jdbc.sql("update outgoing_message set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(now, message.id()).update();
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
