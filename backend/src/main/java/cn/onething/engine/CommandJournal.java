package cn.onething.engine;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * What listeners noted during one engine command, written together when the engine flushes the command: one
 * batch instead of a round trip per task on the hot paths. The engine keeps one session per class, so each kind
 * of journal is a class of its own; register it with {@link EveryUserTask#addJournal}.
 */
public abstract class CommandJournal<T> implements Session {

    private final Collection<T> entries;

    /** @param entries where entries wait for the flush: a set to write each once */
    protected CommandJournal(Collection<T> entries) {
        this.entries = entries;
    }

    public void add(T entry) {
        entries.add(entry);
    }

    /** Writes what the command noted, in the command's transaction; never called with nothing. */
    protected abstract void write(List<T> noted);

    @Override
    public void flush() {
        if (!entries.isEmpty()) {
            List<T> noted = List.copyOf(entries);
            entries.clear();
            write(noted);
        }
    }

    @Override
    public void close() {
        entries.clear();
    }

    record Factory(Class<?> type, Supplier<? extends CommandJournal<?>> open) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return type;
        }

        @Override
        public Session openSession() {
            return open.get();
        }
    }
}
