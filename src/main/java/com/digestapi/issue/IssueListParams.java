package com.digestapi.issue;

import com.digestapi.listing.ListParams;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.QueryParser;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /issues. */
public class IssueListParams extends ListParams {

    @QueryParam("status")
    @Parameter(description = "DRAFT, SCHEDULED or PUBLISHED (case-insensitive); readers see PUBLISHED issues only.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"DRAFT", "SCHEDULED", "PUBLISHED"}))
    public String status;

    @QueryParam("from")
    @Parameter(description = "Earliest publishedOn, inclusive.", example = "2024-10-01",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @QueryParam("to")
    @Parameter(description = "Latest publishedOn, inclusive.", example = "2024-10-31",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    /** The parsed filter and page; a 400 naming every malformed parameter otherwise. */
    public Parsed parse() {
        QueryParser parser = new QueryParser();
        LocalDate fromDate = parser.date("from", from);
        LocalDate toDate = parser.date("to", to);
        parser.notAfter("from", fromDate, "to", toDate);
        IssueFilter filter = new IssueFilter(query(parser), parser.enumeration("status", status, IssueStatus.class),
                fromDate, toDate, updatedSince(parser));
        PageRequest page = pageRequest(parser, IssueService.SORT);
        parser.validate();
        return new Parsed(filter, page);
    }

    public record Parsed(IssueFilter filter, PageRequest page) {
    }
}
