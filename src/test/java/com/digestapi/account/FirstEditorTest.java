package com.digestapi.account;

import static com.digestapi.support.Api.EDITOR;
import static com.digestapi.support.Api.EDITOR_PASSWORD;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.persistence.DurableCommits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first editor is set up once: a generated password goes to an owner-only file after the commit, never to a log;
 * a configured one is applied at every start; a deleted first editor stays deleted.
 */
@QuarkusTest
class FirstEditorTest {

    @Inject
    Passwords passwords;

    @Inject
    DurableCommits durableCommits;

    /** Everything logged at an enabled level by any logger while a test runs, with the messages of throwables. */
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(((ExtLogRecord) record).getFormattedMessage());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            logged.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void writesAGeneratedPasswordToAnOwnerOnlyFileAndLogsOnlyWhere() throws IOException {
        String username = unique("chief");
        // The data folder need not exist yet.
        Path dir = Files.createTempDirectory("digest-data").resolve("data");
        FirstEditor first = new FirstEditor(passwords, username, Optional.empty(), dir, durableCommits);

        Path file = first.setUp().orElseThrow();
        assertEquals(dir.resolve(FirstEditor.PASSWORD_FILE).toAbsolutePath(), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file).strip();
        assertTrue(password.length() >= 24, password);
        assertEquals(List.of(FirstEditor.PASSWORD_FILE), list(dir), "no temporary file is left behind");

        Files.delete(file);
        assertEquals(Optional.empty(), first.setUp(), "the next start generates nothing");
        assertFalse(Files.exists(file));

        String stored = QuarkusTransaction.requiringNew().call(() ->
                Account.<Account>find("username", username).firstResult().password);
        assertTrue(stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$"), stored);
        rawAnonymous().auth().preemptive().basic(username, password).get("/api/v1/accounts").then().statusCode(200);
        rawAnonymous().auth().preemptive().basic(username, password + "x").get("/api/v1/accounts").then().statusCode(401);

        assertTrue(logged.stream().anyMatch(line -> line.contains(username) && line.contains(file.toString())),
                "the log says where the password is: " + logged);
        assertNotLogged(password);
    }

    @Test
    void concurrentStartsHandOutTheOnePasswordThatWasStored() throws Exception {
        String username = unique("chief");
        List<Path> dirs = List.of(Files.createTempDirectory("digest-a"), Files.createTempDirectory("digest-b"),
                Files.createTempDirectory("digest-c"));
        CyclicBarrier start = new CyclicBarrier(dirs.size());
        List<CompletableFuture<Optional<Path>>> starts = dirs.stream().map(dir -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new FirstEditor(passwords, username, Optional.empty(), dir, durableCommits).setUp();
        })).toList();
        List<Path> written = starts.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();

        assertEquals(1, written.size(), "one instance created the account: " + written + " " + logged);
        long files = dirs.stream().filter(dir -> Files.exists(dir.resolve(FirstEditor.PASSWORD_FILE))).count();
        assertEquals(1, files, "only the instance whose account was stored wrote a file");
        String password = Files.readString(written.get(0)).strip();
        rawAnonymous().auth().preemptive().basic(username, password).get("/api/v1/accounts").then().statusCode(200);
        assertNotLogged(password);
    }

    @Test
    void aDeletedFirstEditorStaysDeleted() throws IOException {
        for (Optional<String> configured : List.of(Optional.<String>empty(), Optional.of("configured-password-1"))) {
            String username = unique("chief");
            Path dir = Files.createTempDirectory("digest-data");
            FirstEditor first = new FirstEditor(passwords, username, configured, dir, durableCommits);
            first.setUp();
            api().get("/api/v1/accounts").then().statusCode(200).body("username", hasItem(username));

            api().delete("/api/v1/accounts/{username}", username).then().statusCode(204);
            Files.deleteIfExists(dir.resolve(FirstEditor.PASSWORD_FILE));
            assertEquals(Optional.empty(), first.setUp());

            api().get("/api/v1/accounts").then().statusCode(200).body("username", not(hasItem(username)));
            assertFalse(Files.exists(dir.resolve(FirstEditor.PASSWORD_FILE)));
        }
    }

    @Test
    void aConfiguredPasswordIsAppliedToTheExistingEditorAtStart() throws IOException {
        String username = unique("chief");
        Path dir = Files.createTempDirectory("digest-data");
        String generated = Files.readString(new FirstEditor(passwords, username, Optional.empty(), dir, durableCommits)
                .setUp().orElseThrow()).strip();

        String configured = "configured-password-2";
        assertEquals(Optional.empty(), new FirstEditor(passwords, username, Optional.of(configured), dir,
                durableCommits).setUp());

        rawAnonymous().auth().preemptive().basic(username, configured).get("/api/v1/accounts").then().statusCode(200);
        rawAnonymous().auth().preemptive().basic(username, generated).get("/api/v1/accounts").then().statusCode(401);
        assertNotLogged(configured);
    }

    @Test
    void noPasswordOrTokenReachesLogsMetricsOrProblemResponses() throws IOException {
        String username = unique("chief");
        Path file = new FirstEditor(passwords, username, Optional.empty(), Files.createTempDirectory("digest-data"),
                durableCommits)
                .setUp().orElseThrow();
        String generated = Files.readString(file).strip();
        String added = unique("added-password");
        String refused = unique("refused-password").repeat(4);
        List<String> answered = new ArrayList<>();

        for (String[] user : List.of(new String[] {username, generated}, new String[] {EDITOR, EDITOR_PASSWORD})) {
            rawAnonymous().auth().preemptive().basic(user[0], user[1]).get("/api/v1/accounts").then().statusCode(200);
            answered.add(rawAnonymous().auth().preemptive().basic(user[0], user[1] + "-wrong")
                    .contentType(ContentType.JSON).body(Map.of("name", unique("Outlet"))).post("/api/v1/outlets")
                    .then().statusCode(401).extract().asString());
        }
        api().contentType(ContentType.JSON)
                .body(Map.of("username", unique("aigerim"), "password", added, "roles", List.of("editor")))
                .post("/api/v1/accounts").then().statusCode(201);
        answered.add(raw().contentType(ContentType.JSON)
                .body(Map.of("username", unique("aigerim"), "password", refused, "roles", List.of("editor")))
                .post("/api/v1/accounts").then().statusCode(400).body("type", endsWith("/problems/validation"))
                .extract().asString());
        answered.add(raw().contentType(ContentType.JSON)
                .body(Map.of("username", EDITOR, "password", added, "roles", List.of("editor")))
                .post("/api/v1/accounts").then().statusCode(409).extract().asString());
        // An API token appears in the answer that issues it, and nowhere else.
        io.restassured.path.json.JsonPath issued = api().contentType(ContentType.JSON)
                .body(Map.of("name", unique("logged"))).post("/api/v1/accounts/me/tokens").then().statusCode(201)
                .extract().jsonPath();
        String token = issued.getString("token");
        rawAnonymous().header("Authorization", "Bearer " + token).get("/api/v1/accounts").then().statusCode(200);
        answered.add(api().get("/api/v1/accounts/me/tokens").then().statusCode(200).extract().asString());
        api().delete("/api/v1/accounts/me/tokens/{id}", issued.getLong("id")).then().statusCode(204);
        answered.add(rawAnonymous().header("Authorization", "Bearer " + token).get("/api/v1/accounts")
                .then().statusCode(401).extract().asString());
        String metrics = rawAnonymous().get("/q/metrics").then().statusCode(200).extract().asString();

        for (String password : List.of(generated, EDITOR_PASSWORD, added, refused, token)) {
            assertNotLogged(password);
            assertFalse(metrics.contains(password), "metrics show " + password);
            answered.forEach(body -> assertFalse(body.contains(password), password + " in " + body));
        }
    }

    @Test
    void twoGeneratedPasswordsDiffer() {
        assertFalse(FirstEditor.generate().equals(FirstEditor.generate()));
    }

    private void assertNotLogged(String password) {
        synchronized (logged) {
            assertNull(logged.stream().filter(line -> line.contains(password)).findFirst().orElse(null),
                    "a password was logged");
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
