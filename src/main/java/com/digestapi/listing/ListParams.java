package com.digestapi.listing;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters every list takes: search, sync, sort and page. Features extend it with their filters. */
public class ListParams {

    public static final int MAX_QUERY_LENGTH = 200;

    @QueryParam("q")
    @Parameter(description = "Text search (at most 200 characters). Articles: words (all required), \"exact phrase\","
            + " -excluded, OR between two terms, with stemming and accent folding; best match first, with highlights."
            + " Issues, outlets and topics: case-insensitive substring.",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH))
    public String q;

    @QueryParam("updatedSince")
    @Parameter(description = "Only resources created or changed at or after this instant (ISO-8601 with offset).",
            example = "2024-10-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String updatedSince;

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort fields, '-' prefix for descending; missing values sort last.",
            schema = @Schema(type = SchemaType.STRING))
    public String sort;

    @QueryParam("page")
    @Parameter(description = "0-based page number.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Page size.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    public String size;

    public String query(QueryParser parser) {
        return parser.text("q", q, MAX_QUERY_LENGTH);
    }

    public Instant updatedSince(QueryParser parser) {
        return parser.instant("updatedSince", updatedSince);
    }

    public PageRequest pageRequest(QueryParser parser, SortFields fields) {
        return parser.page(page, size, sort, fields);
    }
}
