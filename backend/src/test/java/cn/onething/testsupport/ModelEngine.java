package cn.onething.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

import cn.onething.ClockConfig;
import cn.onething.bundle.BundleCatalog;
import cn.onething.timelimit.Deadlines;
import cn.onething.timelimit.TimeLimitProperties;
import cn.onething.timelimit.WorkingCalendar;

/**
 * A bare in-memory engine for the unit tests of a BPMN model (no Spring, no camunda.cfg.xml), with what
 * every model may call on the platform: the working-day {@code deadlines}, plus the test's own stand-ins.
 */
public final class ModelEngine {

    private ModelEngine() {
    }

    public static ProcessEngine build(String name, Map<String, Object> beans) {
        String unique = name + "-" + UUID.randomUUID();
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(unique);
        configuration.setJdbcUrl("jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        Map<Object, Object> all = new HashMap<>(beans);
        all.put("deadlines", new Deadlines(WorkingCalendar.fromFiles(), new BundleCatalog(), TimeLimitProperties.DEFAULTS,
                ClockConfig.engineClock()));
        configuration.setBeans(all);
        return configuration.buildProcessEngine();
    }
}
