package com.digestapi.account;

import com.digestapi.persistence.TrackedEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs in a Bearer API token by its SHA-256 (one indexed read; no bcrypt: a 256-bit random secret needs no slow
 * hash), and records its last use to the minute, so a program's steady traffic writes at most once a minute.
 */
@ApplicationScoped
public class TokenSignIn implements IdentityProvider<TokenAuthenticationRequest> {

    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> verify(request.getToken().getToken()));
    }

    private SecurityIdentity verify(String token) {
        Instant now = TrackedEntity.now();
        ApiToken found = QuarkusTransaction.requiringNew().call(() -> {
            ApiToken apiToken = ApiToken.<ApiToken>find("from ApiToken t join fetch t.account where t.secretHash = ?1",
                    TokenSecrets.hash(token)).firstResult();
            if (apiToken != null && !apiToken.expired(now) && (apiToken.lastUsedAt == null
                    || apiToken.lastUsedAt.isBefore(now.minus(LAST_USE_RESOLUTION)))) {
                ApiToken.update("lastUsedAt = ?1 where id = ?2", now, apiToken.id);
            }
            return apiToken;
        });
        if (found == null) {
            throw new AuthenticationFailedException(SignIn.refusal("the API token is unknown or was revoked"));
        }
        if (found.expired(now)) {
            throw new AuthenticationFailedException(SignIn.refusal("the API token expired at " + found.expiresAt));
        }
        return SignIn.identity(found.account, "token " + found.id);
    }
}
