package com.digestapi.account;

import com.digestapi.ratelimit.RateLimits;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks HTTP Basic credentials against the account's bcrypt hash, and pays bcrypt once a minute per client: a pair
 * that matched is remembered for 60 s under an HMAC with a key that never leaves this process, together with the hash
 * it matched. Every sign-in still reads the account, so a changed password or a deleted account (on any instance)
 * stops the remembered pair at once.
 */
@ApplicationScoped
public class PasswordSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration REMEMBERED = Duration.ofSeconds(60);

    private final Passwords passwords;
    private final RateLimits limits;
    private final SecretKeySpec key;
    /** The hash of a random password, checked for unknown usernames so that they take as long as known ones. */
    private final String decoyHash;
    private final Semaphore bcryptSlots = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);
    private final Cache<String, String> verified = Caffeine.newBuilder().expireAfterWrite(REMEMBERED)
            .maximumSize(10_000).build();

    PasswordSignIn(Passwords passwords, RateLimits limits) {
        this.passwords = passwords;
        this.limits = limits;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.decoyHash = passwords.hash(Base64.getEncoder().encodeToString(secret));
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> verify(request.getUsername(), new String(request.getPassword().getPassword()),
                request.getAttribute(SignIn.ADDRESS)));
    }

    /**
     * Whether this pair matched within the last 60 s (against some hash: the sign-in still compares it with the
     * account's current one). Cheap, and free of the database: a client under throttling passes only with this.
     */
    boolean remembers(String username, String password) {
        return verified.getIfPresent(remembered(username, password)) != null;
    }

    private SecurityIdentity verify(String username, String password, String address) {
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.<Account>find("username", username)
                .firstResult());
        String remembered = remembered(username, password);
        if (account != null && account.password.equals(verified.getIfPresent(remembered))) {
            return identity(account);
        }
        limits.signInRefusal(address, username).ifPresent(refused -> {
            throw new AuthenticationFailedException(refused);
        });
        boolean matches = hashing(() -> passwords.matches(password, account == null ? decoyHash : account.password));
        if (account == null || !matches) {
            throw new AuthenticationFailedException(SignIn.refusal("the username or password is wrong"));
        }
        verified.put(remembered, account.password);
        return identity(account);
    }

    /**
     * Runs a bcrypt check with at most half the cores hashing at once: sign-ins queue behind each other (each
     * address and username has its wrong-credentials budget). A check that fails keeps its slot idle as long again
     * before the next one may start, so a flood of wrong passwords (which spends its budget in a burst, 100 at once)
     * gets at most a quarter of the cores, and readers keep the rest; right passwords pay no pause.
     */
    private boolean hashing(BooleanSupplier check) {
        bcryptSlots.acquireUninterruptibly();
        try {
            long started = System.nanoTime();
            boolean matched = check.getAsBoolean();
            if (!matched) {
                pause(System.nanoTime() - started);
            }
            return matched;
        } finally {
            bcryptSlots.release();
        }
    }

    private static void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String remembered(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static SecurityIdentity identity(Account account) {
        return SignIn.identity(account, "account " + account.id);
    }
}
