package com.digestapi.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as editors see it: never its password hash. */
@Schema(name = "Account")
public record AccountView(@Schema(required = true) String username, @Schema(required = true) List<String> roles,
                          @Schema(required = true) Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.username,
                Arrays.stream(account.roles.split(",")).filter(r -> !r.isBlank()).toList(), account.createdAt);
    }
}
