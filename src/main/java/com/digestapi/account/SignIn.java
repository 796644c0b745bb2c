package com.digestapi.account;

import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemMappers;
import com.digestapi.problem.ProblemType;
import com.digestapi.problem.Problems;
import com.digestapi.ratelimit.RateLimits;
import com.digestapi.web.ApiPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Authorization header: HTTP Basic for people, {@code Bearer} API tokens for programs. A header that is
 * neither, or malformed, or a token whose checksum is wrong, is refused here without a database read; an address or a
 * username that sent too many wrong credentials gets 429 at the edge, before the REST layer or any password check.
 */
@ApplicationScoped
public class SignIn implements HttpAuthenticationMechanism {

    /** Request attribute: the client address, for the providers' throttling. */
    static final String ADDRESS = "digest.sign-in.address";
    private static final int MAX_USERNAME = 100;
    /** bcrypt reads 72 bytes; a longer password is no stronger, only dearer to hash. */
    private static final int MAX_PASSWORD = 1024;

    private final RateLimits limits;
    private final PasswordSignIn passwords;
    private final ObjectMapper mapper;

    SignIn(RateLimits limits, PasswordSignIn passwords, ObjectMapper mapper) {
        this.limits = limits;
        this.passwords = passwords;
        this.mapper = mapper;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Uni.createFrom().nullItem();
        }
        String address = RateLimits.clientAddress(context.request());
        AuthenticationRequest request;
        String username = null;
        try {
            var throttled = throttled(header, address);
            if (throttled.isPresent()) {
                throw throttled.get();
            }
            if (startsWithScheme(header, "Basic")) {
                String[] credentials = basic(header.substring(6).strip());
                username = credentials[0];
                request = new UsernamePasswordAuthenticationRequest(credentials[0],
                        new PasswordCredential(credentials[1].toCharArray()));
            } else if (startsWithScheme(header, "Bearer")) {
                String token = header.substring(7).strip();
                if (!TokenSecrets.wellFormed(token)) {
                    throw refusal("the Authorization header's Bearer token is not an API token of this service");
                }
                request = new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
            } else {
                throw refusal("the Authorization header must be Basic (username and password) or Bearer (an API token)");
            }
        } catch (ProblemException refused) {
            if (refused.type != ProblemType.TOO_MANY_REQUESTS) {
                limits.failedSignIn(address, username);
            }
            return Uni.createFrom().failure(new AuthenticationFailedException(refused));
        }
        request.setAttribute(ADDRESS, address);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        String name = username;
        return identities.authenticate(request).onFailure(AuthenticationFailedException.class).invoke(failure -> {
            if (!(failure.getCause() instanceof ProblemException problem && problem.type == ProblemType.TOO_MANY_REQUESTS)) {
                limits.failedSignIn(address, name);
            }
        });
    }

    /** After the request id and CORS (a browser must be able to read the 429), before everything else. */
    void installRoute(@Observes Router router) {
        router.route(ApiPaths.ROOT + "/*").order(Integer.MIN_VALUE + 3).handler(this::refuseThrottled);
    }

    /**
     * Refuses throttled credentials at the edge, before the REST layer and its filters run: under a flood of wrong
     * passwords that refusal is nearly every request of the flood, and it must cost less than the cached reads it
     * would otherwise crowd out. Malformed credentials go on, to be refused with a 401 that says why.
     */
    void refuseThrottled(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        Optional<ProblemException> throttled = header == null || !limits.enabled() ? Optional.empty()
                : throttled(header, RateLimits.clientAddress(context.request()));
        throttled.ifPresentOrElse(refused -> {
            refused.headers.forEach(context.response()::putHeader);
            Problems.end(context, refused.type, refused.getMessage(), mapper);
        }, context::next);
    }

    /**
     * The 429 for credentials from an address, or for a username, past its wrong guesses; no password is checked. A
     * password that matched within the minute is let through (its owner keeps working while someone guesses).
     */
    private Optional<ProblemException> throttled(String header, String address) {
        var byAddress = limits.signInRefusal(address, null);
        if (byAddress.isPresent() || !startsWithScheme(header, "Basic")) {
            return byAddress;
        }
        String[] credentials;
        try {
            credentials = basic(header.substring(6).strip());
        } catch (ProblemException malformed) {
            return Optional.empty();
        }
        return passwords.remembers(credentials[0], credentials[1]) ? Optional.empty()
                : limits.signInRefusal(address, credentials[0]);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, ProblemMappers.CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic"));
    }

    /** Who a sign-in found: the account's name and roles, and the client its rate limits are charged to. */
    static SecurityIdentity identity(Account account, String client) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(account.username))
                .addRoles(account.roleSet()).addAttribute(RateLimits.CLIENT, client).build();
    }

    /** A 401 that says what was wrong with the credentials, with the challenge a client needs to retry. */
    static ProblemException refusal(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail, List.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, ProblemMappers.CHALLENGE));
    }

    private static boolean startsWithScheme(String header, String scheme) {
        return header.regionMatches(true, 0, scheme, 0, scheme.length()) && header.length() > scheme.length()
                && header.charAt(scheme.length()) == ' ';
    }

    /** Username and password from a Basic header (RFC 7617, UTF-8), or a 401 saying what is malformed. */
    private static String[] basic(String encoded) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw refusal("the Authorization header's Basic credentials are not base64");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            throw refusal("the Authorization header's Basic credentials are not UTF-8");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon > MAX_USERNAME || text.length() - colon - 1 > MAX_PASSWORD
                || text.chars().anyMatch(Character::isISOControl)) {
            throw refusal("the Authorization header's Basic credentials must be username:password (a username of 1 to "
                    + MAX_USERNAME + " characters, a password of at most " + MAX_PASSWORD + ", no control characters)");
        }
        return new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }
}
