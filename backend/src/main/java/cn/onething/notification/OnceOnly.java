package cn.onething.notification;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each due reminder once across a cluster: the mark and the notification are one transaction, and only the
 * node whose mark takes (a conditional update) writes the notification.
 */
public final class OnceOnly {

    private OnceOnly() {
    }

    /** Marks and sends each of the due; how many this call sent. */
    public static <T> int remind(TransactionTemplate transaction, List<T> due, Predicate<T> mark, Consumer<T> send) {
        int sent = 0;
        for (T each : due) {
            Boolean done = transaction.execute(status -> {
                if (!mark.test(each)) {
                    return false;
                }
                send.accept(each);
                return true;
            });
            sent += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return sent;
    }
}
