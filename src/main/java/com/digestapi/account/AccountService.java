package com.digestapi.account;

import com.digestapi.activity.Recorded;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.problem.ProblemException;
import com.digestapi.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Creates, lists and removes accounts; hashes passwords with bcrypt. */
@ApplicationScoped
public class AccountService {

    /** How many accounts there may be, so that their list is bounded: people sign in, programs use tokens. */
    public static final int MAX_ACCOUNTS = 1000;

    private final Passwords passwords;

    AccountService(Passwords passwords) {
        this.passwords = passwords;
    }

    public List<AccountView> list() {
        return Account.<Account>listAll(io.quarkus.panache.common.Sort.by("username")).stream().map(AccountView::of).toList();
    }

    @Transactional
    @Recorded
    public AccountView create(AccountInput input) {
        if (input.username().equalsIgnoreCase(Viewer.SYSTEM)) {
            // Revisions and the scheduler name the service's own writes so: an account of that name would pass for it.
            throw ProblemException.conflict("username '" + input.username() + "' is reserved for the service's own"
                    + " writes (scheduled publication)");
        }
        if (Account.count("lower(username) = lower(?1)", input.username()) > 0) {
            throw ProblemException.conflict("username '" + input.username() + "' is already taken");
        }
        if (Account.count() >= MAX_ACCOUNTS) {
            throw ProblemException.conflict("there are " + MAX_ACCOUNTS + " accounts already, the most there may be;"
                    + " remove one first");
        }
        Account account = new Account();
        account.username = input.username();
        account.password = passwords.hash(input.password());
        account.roles = String.join(",", input.roles().stream().distinct().toList());
        account.createdAt = TrackedEntity.now();
        account.persistAndFlush();
        return AccountView.of(account);
    }

    @Transactional
    @Recorded
    public void delete(String username, String currentUser) {
        Account account = Account.<Account>find("username", username).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("account", "'" + username + "'"));
        if (account.username.equals(currentUser)) {
            throw ProblemException.conflict("an editor cannot delete their own account");
        }
        account.delete();
    }
}
