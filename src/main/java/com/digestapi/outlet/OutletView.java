package com.digestapi.outlet;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outlet as readers see it, with the number of articles that summarise it. */
@Schema(name = "Outlet")
public record OutletView(
        @Schema(examples = "3", required = true) long id,
        @Schema(examples = "nikkei-asia", required = true) String slug,
        @Schema(examples = "Nikkei Asia", required = true) String name,
        @Schema(examples = "https://asia.nikkei.com", nullable = true) String websiteUrl,
        @Schema(examples = "JP", nullable = true) String country,
        @Schema(examples = "en", nullable = true) String language,
        @Schema(examples = "1", required = true) long articleCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static OutletView of(Outlet outlet, long articleCount) {
        return new OutletView(outlet.id, outlet.slug, outlet.name, outlet.websiteUrl, outlet.country, outlet.language,
                articleCount, outlet.createdAt, outlet.updatedAt);
    }

    OutletInput toInput() {
        return new OutletInput(slug, name, websiteUrl, country, language);
    }
}
