package com.digestapi.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many items of a whole result have one value of a facet, e.g. topic nuclear-energy: 3. */
@Schema(name = "FacetCount")
public record FacetCount(@Schema(examples = "nuclear-energy", required = true) String value,
                         @Schema(examples = "3", required = true) long count) {
}
