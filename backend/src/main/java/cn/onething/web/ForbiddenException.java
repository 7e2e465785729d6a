package cn.onething.web;

/** 403: the user may see the thing but not act on it (another department's task). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
