package com.digestapi.account;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating an API token: the only time the secret is shown. */
@Schema(name = "CreatedApiToken")
public record CreatedToken(@Schema(required = true) long id, @Schema(required = true, maxLength = ApiToken.NAME_LENGTH) String name,
                           @Schema(description = "Send as Authorization: Bearer <token>. Shown only in this answer:"
                                   + " the service keeps its SHA-256 only.", required = true, maxLength = TokenSecrets.LENGTH,
                                   pattern = TokenSecrets.PATTERN,
                                   examples = "dgst_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0f3c2a1b")
                           String token,
                           @Schema(description = "Null: never expires.", nullable = true, implementation = String.class, format = "date-time") Instant expiresAt,
                           @Schema(required = true) Instant createdAt) {
}
