package com.digestapi.web;

import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import com.digestapi.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Refuses request bodies over 1 MiB with a 413 problem: before reading when Content-Length says so, and while reading
 * a chunked body. Kept by hand: quarkus.http.limits.max-body-size answers a bare 413 with an empty body, not the
 * problem+json of every other error, so it stays higher, as the last line of defence only.
 */
@Provider
@Singleton
public class BodyLimit implements ReaderInterceptor {

    public static final long MAX_BYTES = 1024 * 1024;

    private final ObjectMapper mapper;

    BodyLimit(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Installs the Content-Length check ahead of every other route, before any byte of the body is read. */
    void installRoute(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::refuseDeclaredOversizeBodies);
    }

    void refuseDeclaredOversizeBodies(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && declaredTooLarge(length)) {
            context.response().putHeader("Connection", "close");
            Problems.end(context, ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than 1 MiB", mapper)
                    // The unread body cannot be told from a next request: close, as the header announces.
                    .onComplete(sent -> context.request().connection().close());
            return;
        }
        context.next();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream()));
        return context.proceed();
    }

    private static boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
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
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than 1 MiB");
            }
        }
    }
}
