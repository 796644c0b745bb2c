package com.digestapi.account;

import com.digestapi.web.PortableValues;
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
        @NotBlank @Size(max = USERNAME_LENGTH) @Pattern(regexp = USERNAME_PATTERN, message = "must be letters, digits, . _ @ or -")
        String username,
        @Schema(description = "At least 12 characters; stored as a bcrypt hash.", required = true,
                pattern = PortableValues.TEXT_PATTERN)
        @NotNull @Size(min = 12, max = 72) String password,
        @Schema(description = "\"editor\" may write; an empty list signs in without write rights.", examples = "[\"editor\"]",
                required = true)
        @NotNull @Size(max = MAX_ROLES) List<@Pattern(regexp = ROLE_PATTERN, message = "must be editor") @Size(max = ROLES_LENGTH) String> roles) {

    /** The size of the username column. */
    public static final int USERNAME_LENGTH = 100;
    public static final String USERNAME_PATTERN = "^[A-Za-z0-9._@-]+$";
    public static final int MAX_ROLES = 5;
    public static final String ROLE_PATTERN = "^" + Account.EDITOR + "$";
    /** The size of the roles column, which holds them comma-separated. */
    public static final int ROLES_LENGTH = 200;
}
