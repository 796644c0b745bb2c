package com.digestapi.webhook;

import com.digestapi.listing.Cursor;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.PagedResponses;
import com.digestapi.listing.QueryParser;
import com.digestapi.listing.SortFields;
import jakarta.ws.rs.QueryParam;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /webhooks/{id}/deliveries: a status filter, sort and paging. */
public class DeliveryListParams {

    private static final Pattern STATUS = Pattern.compile("^ *(pending|delivered|failed|skipped) *$");

    @QueryParam("status")
    @Parameter(description = "Only deliveries in this state.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"pending", "delivered", "failed", "skipped"}))
    public String status;

    @QueryParam("sort")
    @Parameter(description = "id or occurredAt, '-' prefix for descending (default -id: newest first).",
            schema = @Schema(type = SchemaType.STRING, maxLength = SortFields.MAX_LENGTH, pattern = SortFields.PATTERN))
    public String sort;

    @QueryParam("page")
    @Parameter(description = "0-based page number; page × size + size at most 10,000 (beyond, follow the next link)."
            + " Not together with cursor.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                    maximum = "" + PageRequest.MAX_PAGE, defaultValue = "0"))
    public String page;

    @QueryParam(PagedResponses.CURSOR)
    @Parameter(description = "Where the page starts: nextCursor of the previous page, as its next link carries it.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Cursor.MAX_LENGTH, pattern = Cursor.PATTERN))
    public String cursor;

    @QueryParam("size")
    @Parameter(description = "Page size.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_SIZE, defaultValue = "" + PageRequest.DEFAULT_SIZE))
    public String size;

    /** The parsed filter and page; a 400 naming every malformed parameter otherwise. */
    public Parsed parse() {
        QueryParser parser = new QueryParser();
        String state = parser.matching("status", status, STATUS, "one of pending, delivered, failed, skipped");
        PageRequest request = parser.page(page, size, sort, cursor, Webhooks.DELIVERY_SORT);
        parser.validate();
        return new Parsed(state == null ? null : state.strip(), request);
    }

    public record Parsed(String status, PageRequest page) {
    }
}
