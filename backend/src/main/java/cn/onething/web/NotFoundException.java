package cn.onething.web;

/** 404: also what a user gets for something that exists but is not theirs to see. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
