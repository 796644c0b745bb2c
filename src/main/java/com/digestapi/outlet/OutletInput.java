package com.digestapi.outlet;

import com.digestapi.persistence.NamedEntity;
import com.digestapi.persistence.Slugs;
import com.digestapi.web.WebUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST and PUT /outlets, and what a PATCH is merged into. */
@Schema(name = "OutletInput")
public record OutletInput(
        @Schema(description = "Generated from the name when left out.", examples = "nikkei-asia", nullable = true)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens")
        String slug,
        @Schema(examples = "Nikkei Asia", required = true) @NotBlank @Size(max = NamedEntity.NAME_LENGTH) String name,
        @Schema(examples = "https://asia.nikkei.com", nullable = true, format = "uri", maxLength = WebUrl.MAX_LENGTH)
        @WebUrl String websiteUrl,
        @Schema(description = "ISO 3166-1 alpha-2 code, upper case.", examples = "JP", nullable = true,
                maxLength = Outlet.COUNTRY_LENGTH)
        @Pattern(regexp = COUNTRY_PATTERN, message = "must be an ISO 3166-1 alpha-2 code in upper case, e.g. JP") String country,
        @Schema(description = "BCP 47 language tag.", examples = "en", nullable = true)
        @Size(max = Outlet.LANGUAGE_LENGTH) @Pattern(regexp = LANGUAGE_PATTERN, message = "must be a BCP 47 language tag, e.g. en or pt-BR")
        String language) {

    public static final String COUNTRY_PATTERN = "^[A-Z]{2}$";
    public static final String LANGUAGE_PATTERN = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$";
}
