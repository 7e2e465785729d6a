package cn.onething.web;

/** 503: a part of the platform is away for now (e.g. search); the rest works, the request may be retried. */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
