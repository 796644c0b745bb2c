package com.digestapi.outlet;

import com.digestapi.listing.ListParams;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.QueryParser;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /outlets. */
public class OutletListParams extends ListParams {

    private static final String COUNTRY_PATTERN = "^[A-Za-z]{2}$";
    private static final Pattern COUNTRY = Pattern.compile(COUNTRY_PATTERN);
    private static final Pattern LANGUAGE = Pattern.compile(OutletInput.LANGUAGE_PATTERN);

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 country code (exact match, case-insensitive).", example = "JP",
            schema = @Schema(type = SchemaType.STRING, pattern = COUNTRY_PATTERN, maxLength = Outlet.COUNTRY_LENGTH))
    public String country;

    @QueryParam("language")
    @Parameter(description = "BCP 47 language tag (exact match).", example = "en", schema = @Schema(type = SchemaType.STRING,
            pattern = OutletInput.LANGUAGE_PATTERN, maxLength = Outlet.LANGUAGE_LENGTH))
    public String language;

    /** The parsed filter and page; a 400 naming every malformed parameter otherwise. */
    public Parsed parse() {
        QueryParser parser = new QueryParser();
        String countryCode = parser.matching("country", country, COUNTRY, "an ISO 3166-1 alpha-2 code, e.g. JP");
        String languageTag = parser.matching("language", language, LANGUAGE, "a BCP 47 language tag, e.g. en");
        OutletFilter filter = new OutletFilter(query(parser),
                countryCode == null ? null : countryCode.toUpperCase(Locale.ROOT),
                languageTag == null ? null : Locale.forLanguageTag(languageTag).toLanguageTag(),
                updatedSince(parser));
        PageRequest page = pageRequest(parser, OutletService.SORT);
        parser.validate();
        return new Parsed(filter, page);
    }

    public record Parsed(OutletFilter filter, PageRequest page) {
    }
}
