package cn.onething;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Time limits are counted in China's working days: the platform's clock runs on Beijing time. It reads
 * the engine's clock, so that the platform and its timers agree on "now" (and tests that move
 * Camunda's ClockUtil move both).
 */
@Configuration
public class ClockConfig {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * `onething.clock.start` (ISO date-time with offset) starts the platform's clock at that time, from where
     * it runs on: a training or demo platform, and the browser tests of time-bound steps (a site visit
     * fixed for today), get a known working day whatever the real date.
     */
    @Bean
    Clock clock(@Value("${onething.clock.start:}") String start) {
        if (!start.isBlank()) {
            ClockUtil.offset(OffsetDateTime.parse(start).toInstant().toEpochMilli() - System.currentTimeMillis());
        }
        return engineClock();
    }

    public static Clock engineClock() {
        return new EngineClock();
    }

    private static final class EngineClock extends Clock {

        @Override
        public ZoneId getZone() {
            return BEIJING;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the platform runs on Beijing time");
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
