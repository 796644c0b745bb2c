package com.digestapi.account;

import com.digestapi.config.DigestConfig;
import com.digestapi.persistence.TrackedEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes sure the first editor exists: with the configured password (digest.editor.password, env
 * DIGEST_EDITOR_PASSWORD), or with a strong random one that is logged once, on the start that creates the account.
 */
@ApplicationScoped
public class FirstEditor {

    private static final Logger LOG = Logger.getLogger(FirstEditor.class);

    private final Passwords passwords;
    private final String username;
    private final Optional<String> password;

    @Inject
    FirstEditor(Passwords passwords, DigestConfig config) {
        this(passwords, config.editor().username(), config.editor().password());
    }

    FirstEditor(Passwords passwords, String username, Optional<String> password) {
        this.passwords = passwords;
        this.username = username;
        this.password = password.filter(p -> !p.isBlank());
    }

    void onStart(@Observes StartupEvent start) {
        try {
            QuarkusTransaction.requiringNew().run(this::ensure);
        } catch (RuntimeException e) {
            // Another instance sharing the database may have created it at the same moment.
            LOG.warnf("First editor not set up: %s", e.getMessage());
        }
    }

    void ensure() {
        Account account = Account.<Account>find("username", username).firstResult();
        if (account == null) {
            account = new Account();
            account.username = username;
            account.roles = Account.EDITOR;
            account.createdAt = TrackedEntity.now();
            String secret = password.orElseGet(FirstEditor::generate);
            account.password = passwords.hash(secret);
            account.persist();
            if (password.isPresent()) {
                LOG.infof("Created editor '%s' with the configured password", username);
            } else {
                LOG.warnf("Created editor '%s' with the generated password %s ; it is shown only this once."
                        + " Set DIGEST_EDITOR_PASSWORD to choose the password instead.", username, secret);
            }
        } else if (password.isPresent() && !passwords.matches(password.get(), account.password)) {
            account.password = passwords.hash(password.get());
            LOG.infof("Changed the password of editor '%s' to the configured one", username);
        }
    }

    static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
