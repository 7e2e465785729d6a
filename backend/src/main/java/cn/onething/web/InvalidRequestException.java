package cn.onething.web;

import java.util.List;

/** Bad input: every broken rule at once (一次性告知), answered with 400 and nothing written. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.rule()).reduce((a, b) -> a + ", " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
