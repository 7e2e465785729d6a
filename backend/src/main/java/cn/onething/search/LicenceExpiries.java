package cn.onething.search;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Each night, the licences that expired lately go to the outbox, so that search shows them as expired. */
@Component
class LicenceExpiries {

    private final SearchOutbox outbox;
    private final Clock clock;

    LicenceExpiries(SearchOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(cron = "${onething.search.expiry-check:0 5 0 * * *}", zone = "Asia/Shanghai")
    int enqueue() {
        return outbox.expired(LocalDate.now(clock));
    }
}
