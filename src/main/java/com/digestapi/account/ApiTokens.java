package com.digestapi.account;

import com.digestapi.activity.Recorded;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Issues, lists and revokes the API tokens of the signed-in account. */
@ApplicationScoped
public class ApiTokens {

    /** Tokens one account may hold: enough for every program, few enough that a list is one small page. */
    static final int MAX_PER_ACCOUNT = 100;
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    @Transactional
    @Recorded
    public CreatedToken create(String username, TokenInput input) {
        if (input.expiresAt() != null && input.expiresAt().isAfter(LATEST_EXPIRY)) {
            throw ProblemException.invalid("expiresAt", "must be at most " + LATEST_EXPIRY);
        }
        Account account = owner(username);
        if (ApiToken.count("account", account) >= MAX_PER_ACCOUNT) {
            throw ProblemException.conflict("an account may hold at most " + MAX_PER_ACCOUNT
                    + " API tokens; revoke one first");
        }
        String secret = TokenSecrets.generate();
        ApiToken token = new ApiToken();
        token.account = account;
        token.name = input.name().strip();
        token.secretHash = TokenSecrets.hash(secret);
        token.createdAt = TrackedEntity.now();
        token.expiresAt = input.expiresAt();
        token.persistAndFlush();
        return new CreatedToken(token.id, token.name, secret, token.expiresAt, token.createdAt);
    }

    public List<TokenView> list(String username) {
        return ApiToken.<ApiToken>find("account.username", Sort.by("id"), username).stream().map(TokenView::of).toList();
    }

    public TokenView get(String username, long id) {
        return TokenView.of(owned(username, id));
    }

    @Transactional
    @Recorded
    public void revoke(String username, long id) {
        owned(username, id).delete();
    }

    private static ApiToken owned(String username, long id) {
        return ApiToken.<ApiToken>find("id = ?1 and account.username = ?2", id, username).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("API token", id));
    }

    private static Account owner(String username) {
        return Account.<Account>find("username", username).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("account", "'" + username + "'"));
    }
}
