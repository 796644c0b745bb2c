package com.digestapi.account;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /accounts/me/tokens. */
@Schema(name = "ApiTokenInput")
public record TokenInput(
        @Schema(description = "What the token is for, to recognise it in the list.", examples = "nightly partner sync",
                required = true)
        @NotBlank @Size(max = ApiToken.NAME_LENGTH) String name,
        @Schema(description = "When the token stops working (ISO-8601 instant, in the future, year 9999 at most);"
                + " omitted: never.", examples = "2027-06-30T00:00:00Z")
        @Future Instant expiresAt) {
}
