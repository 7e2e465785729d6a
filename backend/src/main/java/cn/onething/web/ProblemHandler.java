package cn.onething.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Every error of the API as RFC 9457 problem details; bad input names each field and rule. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** HikariCP's answer on a connection it has closed (one it found broken: the database went away). */
    private static final String CLOSED_CONNECTION = "Connection is closed";

    private final BodySizeLimit bodySize;

    ProblemHandler(BodySizeLimit bodySize) {
        this.bodySize = bodySize;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        return invalid(e.errors());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "未找到 / Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "状态已变化 / Conflict", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "无权操作 / Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        return unavailable(e, 30);
    }

    private static ResponseEntity<ProblemDetail> unavailable(UnavailableException e, int retryAfterSeconds) {
        log.warn("{}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "暂时不可用 / Unavailable", e.getMessage()));
    }

    /** Another request changed the same case at the same moment, even after retrying. */
    @ExceptionHandler
    ProblemDetail concurrent(OptimisticLockingException e) {
        return problem(HttpStatus.CONFLICT, "状态已变化 / Conflict", "该办件正由他人同时处理，请刷新后重试");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security answers these with 401 / 403
        }
        if (allConnectionsBusy(e)) {
            // the database is fine, every connection of the pool was in use for the whole wait: too much at once
            return unavailable(new UnavailableException("系统繁忙，请稍后重试 / The service is busy: retry shortly", e), 2);
        }
        if (databaseUnavailable(e)) {
            // the database restarting or out of reach: the request changed nothing (its transaction never
            // committed), so the client may simply send it again
            return unavailable(new UnavailableException(
                    "数据库暂时不可用，请稍后重试 / The database is unavailable: retry shortly", e), 5);
        }
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "系统错误 / Internal error", "处理请求时出错，请稍后重试；问题已记录 / The request failed and was logged"));
    }

    /** Hikari's wait for a connection ran out with no failure to connect behind it (that would be its cause). */
    private static boolean allConnectionsBusy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null && timeout.getSQLState() == null;
            }
        }
        return false;
    }

    private static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // the connection broke in the middle: the rollback fails too and hides why, keeping the reason as the
            // application exception, or (a failed commit) only in the log; then the pool had closed the connection
            if (cause instanceof TransactionSystemException failed) {
                return failed.getApplicationException() != null ? databaseUnavailable(failed.getApplicationException())
                        : failed.getCause() instanceof SQLException sql && CLOSED_CONNECTION.equals(sql.getMessage());
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            // PostgreSQL's connection exceptions (08…) and a server shutting down or starting (57P01–57P03)
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getCode() == null ? "invalid" : lowerFirst(f.getCode()),
                        f.getDefaultMessage(), f.getField() + " " + f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getParameterName();
        return ResponseEntity.badRequest().body(invalid(List.of(
                new FieldError(name, "required", "缺少参数 " + name, "parameter " + name + " is required"))));
    }

    /** A query parameter or path variable that is not a date, a number…: named with the type it must be. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        FieldError error;
        if (type == LocalDate.class) {
            error = new FieldError(name, "date", name + " 应是日期，格式 YYYY-MM-DD", name + " must be a date (YYYY-MM-DD)");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            error = new FieldError(name, "integer", name + " 应是整数", name + " must be a whole number");
        } else {
            error = new FieldError(name, "type", name + " 的值无效", name + " has an invalid value");
        }
        return ResponseEntity.badRequest().body(invalid(List.of(error)));
    }

    /**
     * A body that is not JSON, too large, holds a value of the wrong type or text that is not plain:
     * named by its path in the body (form.motherName), never with Jackson's own message, which shows
     * the server's class names.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimit.TooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(BodySizeLimit.problem(bodySize.limit()));
            }
            if (cause instanceof PlainTextJson.NotPlainText text) {
                return ResponseEntity.badRequest().body(invalid(List.of(PlainText.error(path(text), text.rule()))));
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = path(mismatch);
                String expected = expected(mismatch.getTargetType());
                return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(field, "type",
                        field + " 应是" + expected.split("/")[0], field + " must be " + expected.split("/")[1]))));
            }
            if (cause instanceof JsonProcessingException) {
                return ResponseEntity.badRequest().body(invalid(List.of(new FieldError("body", "json",
                        "请求内容不是有效的 JSON", "the request body is not valid JSON"))));
            }
        }
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError("body", "required",
                "缺少请求内容", "a request body is required"))));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        // a form's values are named by their field code alone, as the form's own validation names them
        String named = path.toString().replaceFirst("^form\\.", "");
        return named.isEmpty() ? "body" : named;
    }

    /** What a value must be, in Chinese / English, from the type Jackson wanted. */
    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "其他类型/another type";
        }
        if (type.isEnum()) {
            String values = java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(java.util.stream.Collectors.joining(", "));
            return "以下之一：" + values + "/one of " + values;
        }
        if (type == String.class) {
            return "文字/text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "是或否（true / false）/true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "数字/a number";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "日期或时间/a date or time";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "列表/a list";
        }
        return "对象（{…}）/an object ({…})";
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Spring's own 4xx (unreadable JSON, wrong method…) keep their detail; add the bilingual title.
        if (body instanceof ProblemDetail problem && problem.getTitle() != null && !problem.getTitle().contains("/")) {
            problem.setTitle(chineseTitle(statusCode) + " / " + problem.getTitle());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "提交的内容有误 / Invalid request",
                "共 " + errors.size() + " 处需要修改 / " + errors.size() + " problem(s) to fix");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static String chineseTitle(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求格式有误";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方式";
            case 413 -> "文件过大";
            case 415 -> "不支持的内容类型";
            default -> "请求失败";
        };
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
