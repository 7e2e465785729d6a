package cn.onething.web;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Request bodies other than file uploads (whose limits are multipart's) are read up to
 * onething.web.max-body-size: the largest honest one is a BPMN model, itself limited to 1 MB.
 * A declared length over it is refused before reading; a chunked body is cut off where it passes it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after RequestIds: the refusal carries the request id
class BodySizeLimit extends OncePerRequestFilter {

    private final long limit;
    private final ObjectMapper json;

    BodySizeLimit(@Value("${onething.web.max-body-size:2MB}") DataSize limit, ObjectMapper json) {
        this.limit = limit.toBytes();
        this.json = json;
    }

    /** Read past the limit: the problem handler answers 413. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }

    static ProblemDetail problem(long limit) {
        DataSize size = DataSize.ofBytes(limit);
        String shown = limit % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB"
                : size.toKilobytes() + " KB";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "请求内容不能超过 " + shown + " / the body must not exceed " + shown);
        problem.setTitle("请求内容过大 / Payload too large");
        problem.setProperty("errors", java.util.List.of(new FieldError("body", "maxSize",
                "请求内容过大", "request body too large")));
        return problem;
    }

    long limit() {
        return limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            // the unread body is not drained: the connection closes after this answer
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem(limit));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
