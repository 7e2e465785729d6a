package cn.onething.appointment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import cn.onething.notification.MessageChannel;

/** The SMS gateway's place in the tests: keeps what it took, and refuses the next N messages when told to. */
class RecordingChannel implements MessageChannel {

    final List<Message> taken = new CopyOnWriteArrayList<>();
    final List<Message> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();

    void refuseNext(int messages) {
        refuseNext.set(messages);
    }

    @Override
    public void send(Message message) {
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refused.add(message);
            throw new IllegalStateException("gateway busy");
        }
        taken.add(message);
    }

    List<Message> takenAbout(String text) {
        return taken.stream().filter(m -> m.text().contains(text)).toList();
    }
}
