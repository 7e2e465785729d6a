package org.elasticsearch.io.ansi;

import java.util.function.Supplier;

import org.elasticsearch.bootstrap.ConsoleLoader;

/**
 * Stub of the distribution's ANSI console loader (a jANSI wrapper, not on Maven Central). The server loads this
 * class by name from {@code lib/tools/ansi-console} at start and fails without it. No console: the server runs
 * in the background with its output going to a log file, which is what the real loader says for a non-terminal.
 */
public class AnsiConsoleLoader implements Supplier<ConsoleLoader.Console> {

    @Override
    public ConsoleLoader.Console get() {
        return null;
    }
}
