package com.digestapi.account;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API token as its owner sees it later: never the secret. */
@Schema(name = "ApiToken")
public record TokenView(@Schema(required = true) long id, @Schema(required = true, maxLength = ApiToken.NAME_LENGTH) String name,
                        @Schema(description = "Null: never expires.", nullable = true, implementation = String.class, format = "date-time") Instant expiresAt,
                        @Schema(required = true) Instant createdAt,
                        @Schema(description = "Recorded to the minute; null: never used.", nullable = true,
                                implementation = String.class, format = "date-time")
                        Instant lastUsedAt) {

    static TokenView of(ApiToken token) {
        return new TokenView(token.id, token.name, token.expiresAt, token.createdAt, token.lastUsedAt);
    }
}
