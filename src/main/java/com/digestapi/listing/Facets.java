package com.digestapi.listing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The facet counts of a whole result, by facet; one the request did not ask for is left out. */
@Schema(name = "Facets")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Facets(
        @Schema(description = "Outlet slugs.", nullable = true, maxItems = FacetCount.MAX_VALUES) List<FacetCount> outlet,
        @Schema(description = "Topic slugs.", nullable = true, maxItems = FacetCount.MAX_VALUES) List<FacetCount> topic,
        @Schema(description = "Years of publishedOn.", nullable = true, maxItems = FacetCount.MAX_VALUES)
        List<FacetCount> year) {

    /** The counts by facet name (topic, outlet, year). */
    static Facets of(Map<String, List<FacetCount>> counts) {
        return new Facets(counts.get("outlet"), counts.get("topic"), counts.get("year"));
    }
}
