package com.digestapi.listing;

import com.digestapi.web.PortableValues;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters every content list takes: search, sync, and paging. Features extend it with their filters. */
public class ListParams extends PageParams {

    public static final int MAX_QUERY_LENGTH = 200;

    @QueryParam("q")
    @Parameter(description = "Text search (at most 200 characters). Articles: words (all required), \"exact phrase\","
            + " -excluded, OR between two terms, with stemming and accent folding; best match first, with highlights."
            + " Issues, outlets and topics: case-insensitive substring.",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH, pattern = PortableValues.TEXT_PATTERN))
    public String q;

    @QueryParam("updatedSince")
    @Parameter(description = "Only resources created or changed at or after this instant (ISO-8601 with offset).",
            example = "2024-10-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String updatedSince;

    public String query(QueryParser parser) {
        return parser.text("q", q, MAX_QUERY_LENGTH);
    }

    public Instant updatedSince(QueryParser parser) {
        return parser.instant("updatedSince", updatedSince);
    }
}
