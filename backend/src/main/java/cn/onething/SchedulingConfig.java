package cn.onething;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the @Scheduled methods, such as the working-day calendar's check for years stored by other nodes. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
