package com.digestapi.webhook;

import com.digestapi.listing.PageParams;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.QueryParser;
import jakarta.ws.rs.QueryParam;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /webhooks/{id}/deliveries: a status filter, then the paging every list takes. */
public class DeliveryListParams extends PageParams {

    private static final Pattern STATUS = Pattern.compile("^ *(pending|delivered|failed|skipped) *$");

    @QueryParam("status")
    @Parameter(description = "Only deliveries in this state.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"pending", "delivered", "failed", "skipped"}))
    public String status;

    /** The parsed filter and page; a 400 naming every malformed parameter otherwise. */
    public Parsed parse() {
        QueryParser parser = new QueryParser();
        String state = parser.matching("status", status, STATUS, "one of pending, delivered, failed, skipped");
        PageRequest request = pageRequest(parser, Webhooks.DELIVERY_SORT);
        parser.validate();
        return new Parsed(state == null ? null : state.strip(), request);
    }

    public record Parsed(String status, PageRequest page) {
    }
}
