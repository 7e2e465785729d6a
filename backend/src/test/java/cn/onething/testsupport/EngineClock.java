package cn.onething.testsupport;

import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's clock, which the platform's reads too, moved to Beijing times in a test and back to real time
 * after each test ({@code @ExtendWith(EngineClock.class)}).
 */
public class EngineClock implements AfterEachCallback {

    /** Moves the clock to a Beijing local time such as "2026-11-02T09:00". */
    public static void set(String beijingTime) {
        ClockUtil.setCurrentTime(at(beijingTime));
    }

    public static Date at(String beijingTime) {
        return Date.from(LocalDateTime.parse(beijingTime).atZone(cn.onething.ClockConfig.BEIJING).toInstant());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
    }
}
