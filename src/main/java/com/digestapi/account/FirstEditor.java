package com.digestapi.account;

import com.digestapi.config.DigestConfig;
import com.digestapi.persistence.DurableCommits;
import com.digestapi.persistence.TrackedEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sets up the first editor once: with the configured password (digest.editor.password, env DIGEST_EDITOR_PASSWORD), or
 * with a strong random one written to a file only its owner may read; a deleted first editor stays deleted.
 */
@ApplicationScoped
public class FirstEditor {

    private static final Logger LOG = Logger.getLogger(FirstEditor.class);
    /** Name of the file in the data folder that holds a generated password. */
    static final String PASSWORD_FILE = "first-editor-password";
    private static final String SEED = "first-editor:";

    private final Passwords passwords;
    private final String username;
    private final Optional<String> password;
    private final Path dataDir;
    private final DurableCommits durableCommits;

    @Inject
    FirstEditor(Passwords passwords, DigestConfig config, DurableCommits durableCommits) {
        this(passwords, config.editor().username(), config.editor().password(), Path.of(config.dataDir()),
                durableCommits);
    }

    FirstEditor(Passwords passwords, String username, Optional<String> password, Path dataDir,
                DurableCommits durableCommits) {
        this.durableCommits = durableCommits;
        this.passwords = passwords;
        this.username = username;
        this.password = password.filter(p -> !p.isBlank());
        this.dataDir = dataDir;
    }

    void onStart(@Observes StartupEvent start) {
        setUp();
    }

    /** Returns the file a generated password was written to, when this call created the account with one. */
    Optional<Path> setUp() {
        Optional<String> generated;
        try {
            generated = QuarkusTransaction.requiringNew().call(this::ensure);
        } catch (RuntimeException e) {
            // Another instance sharing the database set it up at the same moment; its password is the one stored.
            LOG.warnf("First editor not set up by this instance: %s", e.getMessage());
            return Optional.empty();
        }
        // Only now, after the commit is in the file: a password whose account was never stored must not be handed out.
        generated.ifPresent(secret -> durableCommits.stored().toCompletableFuture().join());
        return generated.map(this::write);
    }

    /** Creates or updates the account in the caller's transaction; returns the generated password, if it made one. */
    Optional<String> ensure() {
        Account account = Account.<Account>find("username", username).firstResult();
        boolean setUpBefore = Account.getEntityManager()
                .createNativeQuery("select count(*) from seed_history where name = ?1", Long.class)
                .setParameter(1, seedName()).getSingleResult() instanceof Number n && n.longValue() > 0;
        if (!setUpBefore) {
            // The primary key makes this the one insert of concurrent starts that commits.
            Account.getEntityManager().createNativeQuery("insert into seed_history (name, applied_at) values (?1, ?2)")
                    .setParameter(1, seedName()).setParameter(2, Instant.now()).executeUpdate();
        }
        if (account == null) {
            if (setUpBefore) {
                LOG.infof("Editor '%s' was deleted; it is not created again", username);
                return Optional.empty();
            }
            String secret = password.orElseGet(FirstEditor::generate);
            account = new Account();
            account.username = username;
            account.roles = Account.EDITOR;
            account.createdAt = TrackedEntity.now();
            account.password = passwords.hash(secret);
            account.persistAndFlush();
            if (password.isPresent()) {
                LOG.infof("Created editor '%s' with the configured password", username);
                return Optional.empty();
            }
            return Optional.of(secret);
        }
        if (password.isPresent() && !passwords.matches(password.get(), account.password)) {
            account.password = passwords.hash(password.get());
            LOG.infof("Changed the password of editor '%s' to the configured one", username);
        }
        return Optional.empty();
    }

    /** One row per user name, so a renamed first editor (digest.editor.username) is set up too. */
    private String seedName() {
        return SEED + username;
    }

    /** Writes the password where only this user may read it and logs where (never what); null when it could not. */
    private Path write(String secret) {
        Path file = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = ownerOnlyFile(file.getParent());
            Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.warnf("Created editor '%s' with a generated password, written to %s (readable by its owner only)."
                    + " Sign in, then delete the file; set DIGEST_EDITOR_PASSWORD to choose the password instead.",
                    username, file);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Created editor '%s' with a generated password but could not write it to %s (%s);"
                    + " set DIGEST_EDITOR_PASSWORD and restart to give it a known one", username, file, e);
            return null;
        }
        return file;
    }

    /** A new empty file that never existed with wider permissions than its owner's. */
    private static Path ownerOnlyFile(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, PASSWORD_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Path file = Files.createTempFile(dir, PASSWORD_FILE, ".tmp");
        var plain = file.toFile();
        boolean narrowed = plain.setReadable(false, false) & plain.setReadable(true, true)
                & plain.setWritable(false, false) & plain.setWritable(true, true);
        if (!narrowed) {
            Files.delete(file);
            throw new IOException("cannot make " + file + " readable by its owner only");
        }
        return file;
    }

    static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
