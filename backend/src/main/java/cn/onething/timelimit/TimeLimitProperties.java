package cn.onething.timelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a limit counts as near (预警): green while more than {@code warnRemainingDays} working days and
 * more than {@code warnRemainingShare} of the limit are left.
 */
@ConfigurationProperties("onething.timelimit")
public record TimeLimitProperties(@DefaultValue("1") int warnRemainingDays,
        @DefaultValue("0.2") double warnRemainingShare) {

    public static final TimeLimitProperties DEFAULTS = new TimeLimitProperties(1, 0.2);

    boolean near(int remaining, int limit) {
        return remaining <= warnRemainingDays || remaining <= warnRemainingShare * limit;
    }

    /** The most working days left at which a limit of this length is already near. */
    int nearFrom(int limit) {
        return Math.max(warnRemainingDays, (int) Math.floor(warnRemainingShare * limit));
    }
}
