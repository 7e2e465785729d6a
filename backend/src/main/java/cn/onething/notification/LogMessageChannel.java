package cn.onething.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.onething.web.Mask;

/** For development: messages are written to the log (the phone masked) instead of going to a gateway. */
@Component
@ConditionalOnProperty(name = "onething.messages.channel", havingValue = "log", matchIfMissing = true)
class LogMessageChannel implements MessageChannel {

    private static final Logger log = LoggerFactory.getLogger(LogMessageChannel.class);

    @Override
    public void send(Message message) {
        log.info("message {} to {}: {}", message.key(), Mask.phone(message.phone()), message.text());
    }
}
