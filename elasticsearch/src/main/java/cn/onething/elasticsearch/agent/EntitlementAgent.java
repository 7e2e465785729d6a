package cn.onething.elasticsearch.agent;

import java.lang.instrument.Instrumentation;

/**
 * The entitlement agent of the distribution (not published to Maven Central). During start-up the server attaches
 * to itself and loads the single jar in {@code lib/entitlement-agent} with, as argument, the name of its class
 * that installs the entitlement checks; all the agent does is hand that class the {@link Instrumentation}.
 * The server exports that class's package to the unnamed module before attaching, so plain reflection works.
 */
public final class EntitlementAgent {

    private EntitlementAgent() {
    }

    public static void agentmain(String initializationClass, Instrumentation instrumentation) throws Exception {
        Class.forName(initializationClass)
                .getMethod("initialize", Instrumentation.class)
                .invoke(null, instrumentation);
    }
}
