package com.digestapi.outlet;

import com.digestapi.caching.RepresentedResources;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.persistence.NamedEntity;
import com.digestapi.persistence.Slugs;
import com.digestapi.web.PortableValues;
import com.digestapi.web.WebUrl;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outlet as readers see it, with the number of articles that summarise it. */
@Schema(name = "Outlet")
public record OutletView(
        @Schema(examples = "3", required = true, minimum = "1") long id,
        @Schema(examples = "nikkei-asia", required = true, maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN) String slug,
        @Schema(examples = "Nikkei Asia", required = true, maxLength = NamedEntity.NAME_LENGTH,
                pattern = PortableValues.NOT_BLANK) String name,
        @Schema(examples = "https://asia.nikkei.com", nullable = true, format = "uri", maxLength = WebUrl.MAX_LENGTH)
        String websiteUrl,
        @Schema(examples = "JP", nullable = true, maxLength = Outlet.COUNTRY_LENGTH, pattern = OutletInput.COUNTRY_PATTERN)
        String country,
        @Schema(examples = "en", nullable = true, maxLength = Outlet.LANGUAGE_LENGTH, pattern = OutletInput.LANGUAGE_PATTERN)
        String language,
        @Schema(examples = "1", required = true, minimum = "0") long articleCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) implements RepresentedResources {

    @Override
    public Set<String> representedResources() {
        return Set.of(ResourceKind.OUTLET.key(id));
    }

    static OutletView of(Outlet outlet, long articleCount) {
        return new OutletView(outlet.id, outlet.slug, outlet.name, outlet.websiteUrl, outlet.country, outlet.language,
                articleCount, outlet.createdAt, outlet.updatedAt);
    }

    OutletInput toInput() {
        return new OutletInput(slug, name, websiteUrl, country, language);
    }
}
