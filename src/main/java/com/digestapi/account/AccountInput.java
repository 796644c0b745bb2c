package com.digestapi.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /accounts. */
@Schema(name = "AccountInput")
public record AccountInput(
        @Schema(examples = "aigerim", required = true)
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._@-]+$", message = "must be letters, digits, . _ @ or -")
        String username,
        @Schema(description = "At least 12 characters; stored as a bcrypt hash.", required = true)
        @NotNull @Size(min = 12, max = 72) String password,
        @Schema(description = "\"editor\" may write; an empty list signs in without write rights.", examples = "[\"editor\"]",
                required = true)
        @NotNull @Size(max = 5) List<@Pattern(regexp = "^editor$", message = "must be editor") String> roles) {
}
