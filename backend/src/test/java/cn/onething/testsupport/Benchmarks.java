package cn.onething.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

import cn.onething.ClockConfig;
import cn.onething.bundle.BundleCatalog;
import cn.onething.timelimit.Deadlines;
import cn.onething.timelimit.TimeLimitProperties;
import cn.onething.timelimit.WorkingCalendar;

/** What the benchmarks (tagged benchmark, run by bin/benchmark) measure with. */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * The baseline the platform is measured against: a bare Camunda engine with birth.bpmn deployed, activity history
     * and UUID ids as on the platform (so that a ratio measures the platform's own work, not an engine setting),
     * no job executor, the calendar's deadlines the model asks for.
     */
    public static ProcessEngine bareBirthEngine(String name, DataSource data) {
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setDataSource(data);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
        config.setJobExecutorActivate(false);
        config.setProcessEngineName(name);
        config.setIdGenerator(new StrongUuidGenerator());
        config.setBeans(Map.of("deadlines", new Deadlines(WorkingCalendar.fromFiles(), new BundleCatalog(),
                TimeLimitProperties.DEFAULTS, ClockConfig.engineClock())));
        ProcessEngine engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/birth.bpmn").deploy();
        return engine;
    }

    /** Runs operations 0 … n-1 on the given number of threads; returns operations per second. */
    public static double run(int n, int threads, IntConsumer operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n;) {
                    operation.accept(i);
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** The quantile (0.95 for p95) of sorted nanosecond durations, in milliseconds. */
    public static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
