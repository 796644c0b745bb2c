package com.digestapi.listing;

import com.digestapi.persistence.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many items of a whole result have one value of a facet, e.g. topic nuclear-energy: 3. */
@Schema(name = "FacetCount")
public record FacetCount(
        @Schema(description = "A topic or outlet slug, or a year.", examples = "nuclear-energy", required = true,
                maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN) String value,
        @Schema(examples = "3", required = true, minimum = "1") long count) {

    /** The most values of one facet an answer lists (by count): more topics or outlets than a sidebar shows. */
    public static final int MAX_VALUES = 100;
}
