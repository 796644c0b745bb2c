package com.digestapi.listing;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters every paged list takes: sort, page, cursor and size. */
public class PageParams {

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort fields, '-' prefix for descending; missing values sort last.",
            schema = @Schema(type = SchemaType.STRING, maxLength = SortFields.MAX_LENGTH, pattern = SortFields.PATTERN))
    public String sort;

    @QueryParam("page")
    @Parameter(description = "0-based page number. Numbered pages reach the first 10,000 items: page × size + size"
            + " must be at most 10,000 (page 499 at size 20, 99 at size 100), since the database reads and skips every"
            + " item before a numbered page. Beyond, follow the next link: it carries a cursor, and a page after a cursor"
            + " costs the same at any depth. Not together with cursor.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                    maximum = "" + PageRequest.MAX_PAGE, defaultValue = "0"))
    public String page;

    @QueryParam(PagedResponses.CURSOR)
    @Parameter(description = "Where the page starts: the value of nextCursor, as the next link of the previous page"
            + " carries it (keyset paging: the items after the previous page's last one in this order, however deep)."
            + " Opaque; send it back unchanged with the same filters and sort (size may change). A cursor made for"
            + " another list, sort or filter values, or a changed one, is a 400 naming cursor; so is cursor together with"
            + " page. Items added or removed meanwhile neither shift the pages nor make them overlap.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Cursor.MAX_LENGTH, pattern = Cursor.PATTERN))
    public String cursor;

    @QueryParam("size")
    @Parameter(description = "Page size.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_SIZE, defaultValue = "" + PageRequest.DEFAULT_SIZE))
    public String size;

    public PageRequest pageRequest(QueryParser parser, SortFields fields) {
        return parser.page(page, size, sort, cursor, fields);
    }
}
