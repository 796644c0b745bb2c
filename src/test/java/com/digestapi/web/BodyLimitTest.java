package com.digestapi.web;

import static com.digestapi.support.Api.EDITOR;
import static com.digestapi.support.Api.EDITOR_PASSWORD;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A declared body over 1 MiB gets its 413 problem whatever the client does: one that sends the whole body before it
 * reads (Python's urllib) reads the 413 instead of a broken pipe, one that announces Expect: 100-continue gets it
 * before sending the body, and a 100 Continue for a body within the limit. Raw sockets, because HTTP clients read
 * while they write and hide the difference.
 */
@QuarkusTest
class BodyLimitTest {

    private static final String PATH = ApiPaths.V1 + "/outlets";

    @Test
    void aClientThatSendsTheWholeBodyBeforeReadingReadsThe413() throws IOException {
        try (Socket socket = connect()) {
            // A small send buffer: the write only completes if the server keeps reading.
            byte[] body = new byte[(int) BodyLimit.MAX_BYTES + 10];
            Arrays.fill(body, (byte) 'a');
            OutputStream out = socket.getOutputStream();
            out.write(head("POST", body.length, "").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();

            Response response = read(socket.getInputStream());
            assertThat(response.statusLine(), startsWith("HTTP/1.1 413 "));
            assertProblem(response);

            // The body was read to its end, so the connection serves the next request.
            out.write(("GET " + ApiPaths.V1 + "/topics HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(read(socket.getInputStream()).statusLine(), startsWith("HTTP/1.1 200 "));
        }
    }

    @Test
    void anExpectContinueRequestGetsThe413BeforeSendingTheBody() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(head("PUT", BodyLimit.MAX_BYTES + 1, "Expect: 100-continue\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            Response response = read(socket.getInputStream());
            assertThat(response.statusLine(), startsWith("HTTP/1.1 413 "));
            assertThat(response.headers().get("connection"), equalTo("close"));
            assertProblem(response);
            assertThat("the connection is closed, as announced", socket.getInputStream().read(), equalTo(-1));
        }
    }

    @Test
    void anExpectContinueRequestWithinTheLimitIsToldToSendItsBody() throws IOException {
        byte[] body = ("{\"name\": \"" + unique("Continued") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("POST", body.length, "Expect: 100-continue\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Clients wait for this (curl for a second) before they send the body.
            assertThat(line(socket.getInputStream()), startsWith("HTTP/1.1 100 "));
            assertThat(line(socket.getInputStream()), equalTo(""));

            out.write(body);
            out.flush();
            Response response = read(socket.getInputStream());
            assertThat(response.statusLine(), startsWith("HTTP/1.1 201 "));
            assertThat(response.headers().get("content-type"), startsWith("application/json"));
        }
    }

    @Test
    void aBodyFarOverTheLimitIsRefusedAtOnceAndTheConnectionClosed() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("POST", 64L * BodyLimit.MAX_BYTES, "").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();

            Response response = read(socket.getInputStream());
            assertThat(response.statusLine(), startsWith("HTTP/1.1 413 "));
            assertThat(response.headers().get("connection"), equalTo("close"));
            assertProblem(response);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setSendBufferSize(16 * 1024);
        socket.setSoTimeout(20_000);
        socket.connect(new java.net.InetSocketAddress("localhost", RestAssured.port));
        return socket;
    }

    private static String head(String method, long length, String extra) {
        String credentials = Base64.getEncoder().encodeToString((EDITOR + ":" + EDITOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return method + " " + PATH + (method.equals("PUT") ? "/1" : "") + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Basic " + credentials + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n" + extra + "\r\n";
    }

    private static void assertProblem(Response response) {
        assertThat(response.headers().get("content-type"), equalTo("application/problem+json"));
        JsonPath problem = new JsonPath(response.body());
        assertThat(problem.getInt("status"), equalTo(413));
        assertThat(problem.getString("type"), endsWith("/problems/payload-too-large"));
        assertThat(problem.getString("detail"), containsString("1 MiB"));
    }

    /** A response read off the wire: status line, headers with lower-case names, and the body of Content-Length. */
    record Response(String statusLine, Map<String, String> headers, String body) {
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine;
        Map<String, String> headers;
        do {
            statusLine = line(in);
            headers = new HashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
        } while (statusLine.startsWith("HTTP/1.1 1"));
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new Response(statusLine, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed after " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
