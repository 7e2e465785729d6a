package cn.onething.rating;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Working days for the steps of a rectification, and how long a rating may still be changed. */
@ConfigurationProperties("onething.rating")
record RatingProperties(@DefaultValue("5") int rectifyDays, @DefaultValue("5") int callbackDays,
        @DefaultValue("5") int appealDays, @DefaultValue("24") int changeHours) {
}
