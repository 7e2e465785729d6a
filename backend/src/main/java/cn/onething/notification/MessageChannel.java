package cn.onething.notification;

/**
 * Where messages to applicants leave the platform: an SMS or e-mail gateway. The platform hands each message
 * over once; `key` is the same on a retry after a failure, for gateways that drop a repeated key.
 */
public interface MessageChannel {

    /** Hands the message over; throws when the gateway did not take it (the relay tries again later). */
    void send(Message message) throws Exception;

    record Message(String key, String phone, String text) {
    }
}
