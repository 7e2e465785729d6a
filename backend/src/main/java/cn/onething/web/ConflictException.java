package cn.onething.web;

/** 409: the request was right but the state moved on (someone else was first). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
