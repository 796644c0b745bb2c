package com.digestapi.ratelimit;

import com.digestapi.config.DigestConfig;
import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The service's quotas: anonymous requests per client address, authenticated ones per account or API token, writes
 * of those, and wrong credentials per address and per username. They are kept in this instance's memory: a shared
 * store would cost a database round trip on every request, so N instances behind a balancer allow up to N times a
 * quota (digest.rate-limit.*).
 */
@Singleton
public class RateLimits {

    /** The SecurityIdentity attribute that names whose quota an authenticated request spends: an account or a token. */
    public static final String CLIENT = "digest.rate-limit.client";
    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final boolean enabled;
    private final RatePolicy anonymous;
    private final RatePolicy authenticated;
    private final RatePolicy writes;
    private final RatePolicy signIn;

    @Inject
    RateLimits(DigestConfig config) {
        DigestConfig.RateLimit limits = config.rateLimit();
        this.enabled = limits.enabled();
        this.anonymous = new RatePolicy("anonymous", limits.anonymousPerMinute(), MINUTE, limits.maxClients());
        this.authenticated = new RatePolicy("authenticated", limits.authenticatedPerMinute(), MINUTE, limits.maxClients());
        this.writes = new RatePolicy("writes", limits.writesPerMinute(), MINUTE, limits.maxClients());
        this.signIn = new RatePolicy("sign-in", limits.failedSignInsPerMinute(), MINUTE, limits.maxClients());
    }

    public boolean enabled() {
        return enabled;
    }

    RatePolicy anonymous() {
        return anonymous;
    }

    RatePolicy authenticated() {
        return authenticated;
    }

    RatePolicy writes() {
        return writes;
    }

    /**
     * The 429 for a sign-in from this address, or for this username, once either has run out of wrong credentials;
     * empty while both may still try (the username may be null: not known yet).
     */
    public Optional<ProblemException> signInRefusal(String address, String username) {
        if (!enabled) {
            return Optional.empty();
        }
        Usage byAddress = signIn.peek("address " + address);
        Usage byUser = username == null ? byAddress : signIn.peek("user " + username.toLowerCase(Locale.ROOT));
        Usage refused = !byAddress.allowed() ? byAddress : !byUser.allowed() ? byUser : null;
        return Optional.ofNullable(refused).map(usage -> tooMany(List.of(usage),
                "too many wrong credentials " + (usage == byAddress ? "from this address" : "for this username")));
    }

    /** Counts wrong credentials against the address and, when one was given, the username. */
    public void failedSignIn(String address, String username) {
        if (enabled) {
            signIn.charge("address " + address);
            if (username != null) {
                signIn.charge("user " + username.toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The client an anonymous request counts against: its address (the forwarded one only when it came through a
     * trusted proxy, quarkus.http.proxy.*), an IPv6 address by its /64, since one host commonly holds the whole /64.
     */
    public static String clientAddress(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String host = remote == null ? null : remote.hostAddress();
        if (host == null || host.isEmpty()) {
            return "unknown";
        }
        if (host.indexOf(':') < 0) {
            return host;
        }
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return host;
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /** The RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers) for what a request spent. */
    public static Map<String, String> headers(List<Usage> usages) {
        Map<String, String> headers = new LinkedHashMap<>(4);
        Usage first = usages.get(0);
        if (usages.size() == 1) {
            headers.put(POLICY_HEADER, first.policy().description());
            headers.put(HEADER, first.field());
            return headers;
        }
        StringJoiner policies = new StringJoiner(", ");
        StringJoiner fields = new StringJoiner(", ");
        for (Usage usage : usages) {
            policies.add(usage.policy().description());
            fields.add(usage.field());
        }
        headers.put(POLICY_HEADER, policies.toString());
        headers.put(HEADER, fields.toString());
        return headers;
    }

    /**
     * A 429 problem with Retry-After (the longest wait among the exhausted quotas, also named in the detail after what
     * was exhausted) and the RateLimit fields.
     */
    static ProblemException tooMany(List<Usage> usages, String exhausted) {
        Map<String, String> headers = headers(usages);
        long wait = Math.max(1, usages.stream().mapToLong(Usage::retryAfterSeconds).max().orElse(1));
        headers.put("Retry-After", Long.toString(wait));
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, exhausted + "; retry in " + wait + " s", List.of(),
                headers);
    }
}
