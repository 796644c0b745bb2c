package com.digestapi.web;

import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import com.digestapi.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 1 MiB with a 413 problem: when Content-Length says so, before the body reaches the API,
 * and while reading a chunked body. Kept by hand: quarkus.http.limits.max-body-size answers a bare 413 with an empty
 * body, not the problem+json of every other error, so it stays higher, as the last line of defence only.
 */
@Provider
@Singleton
public class BodyLimit implements ReaderInterceptor {

    public static final long MAX_BYTES = 1024 * 1024;
    /**
     * A declared body up to this size is read and discarded before the 413: a client that sends its whole body before
     * it reads the answer (Python's urllib, many scripts) gets a broken pipe, not the 413, when the server closes on
     * it mid-body. Beyond it, the bandwidth is not worth spending: answer and close at once.
     */
    static final long DRAIN_BYTES = 8 * MAX_BYTES;
    private static final String DETAIL = "the request body is larger than 1 MiB";

    private final ObjectMapper mapper;

    BodyLimit(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Installs the Content-Length check ahead of every other route, before any byte of the body is read. */
    void installRoute(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::refuseDeclaredOversizeBodies);
    }

    void refuseDeclaredOversizeBodies(RoutingContext context) {
        HttpServerRequest request = context.request();
        long declared = declaredLength(request.getHeader("Content-Length"));
        if (declared <= MAX_BYTES) {
            context.next();
            return;
        }
        // quarkus.http.handle-100-continue-automatically is off, so no 100 Continue has been sent (the REST layer sends
        // it when it reads a body): a client that waits for it sends no body, one that does not is drained.
        boolean waitsForContinue = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
        if (waitsForContinue || declared > DRAIN_BYTES || request.isEnded()) {
            refuseAndClose(context);
            return;
        }
        request.handler(discarded -> {
        });
        request.exceptionHandler(failure -> request.connection().close());
        request.endHandler(end -> Problems.end(context, ProblemType.PAYLOAD_TOO_LARGE, DETAIL, mapper));
        request.resume();
    }

    private void refuseAndClose(RoutingContext context) {
        context.response().putHeader("Connection", "close");
        Problems.end(context, ProblemType.PAYLOAD_TOO_LARGE, DETAIL, mapper)
                // The unread body cannot be told from a next request: close, as the header announces.
                .onComplete(sent -> context.request().connection().close());
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream()));
        return context.proceed();
    }

    /** The declared length, or -1 when there is none (a chunked body) or it is not a number (the server's 400). */
    private static long declaredLength(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Counts what is read and stops at the limit. */
    private static final class Limited extends FilterInputStream {
        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > MAX_BYTES) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, DETAIL);
            }
        }
    }
}
