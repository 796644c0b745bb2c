package com.digestapi.account;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as editors see it: never its password hash. */
@Schema(name = "Account")
public record AccountView(
        @Schema(required = true, maxLength = AccountInput.USERNAME_LENGTH, pattern = AccountInput.USERNAME_PATTERN)
        String username,
        // The constraints only describe the roles in the API description (a view is never validated): what input allows.
        @Schema(required = true, maxItems = AccountInput.MAX_ROLES)
        List<@Pattern(regexp = AccountInput.ROLE_PATTERN) @Size(max = AccountInput.ROLES_LENGTH) String> roles,
        @Schema(required = true) Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.username,
                Arrays.stream(account.roles.split(",")).filter(r -> !r.isBlank()).toList(), account.createdAt);
    }
}
