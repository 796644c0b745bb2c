package com.digestapi.account;

import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;

/** With no password configured, the first editor gets a strong random one, logged once and stored only as bcrypt. */
@QuarkusTest
class FirstEditorTest {

    @Inject
    Passwords passwords;

    private static final Pattern GENERATED = Pattern.compile("generated password (\\S+) ;");

    @Test
    void generatesALoggedOncePasswordThatSignsIn() {
        String username = unique("chief");
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(((ExtLogRecord) record).getFormattedMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(FirstEditor.class.getName());
        logger.addHandler(capture);
        try {
            FirstEditor first = new FirstEditor(passwords, username, Optional.empty());
            QuarkusTransaction.requiringNew().run(first::ensure);
            QuarkusTransaction.requiringNew().run(first::ensure);
        } finally {
            logger.removeHandler(capture);
        }
        List<String> passwords = logged.stream().map(GENERATED::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
        assertEquals(1, passwords.size(), "logged exactly once: " + logged);
        String password = passwords.get(0);
        assertTrue(password.length() >= 24, password);

        String stored = QuarkusTransaction.requiringNew().call(() ->
                Account.<Account>find("username", username).firstResult().password);
        assertTrue(stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$"), stored);
        assertFalse(stored.contains(password));

        rawAnonymous().auth().preemptive().basic(username, password).get("/api/v1/accounts").then().statusCode(200);
        rawAnonymous().auth().preemptive().basic(username, password + "x").get("/api/v1/accounts").then().statusCode(401);
    }

    @Test
    void twoGeneratedPasswordsDiffer() {
        assertFalse(FirstEditor.generate().equals(FirstEditor.generate()));
    }
}
