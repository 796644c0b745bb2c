package com.digestapi.sync;

import com.digestapi.changelog.ResourceKind;
import com.digestapi.listing.Cursor;
import com.digestapi.listing.QueryParser;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of GET /sync, parsed strictly: one 400 names every malformed one. */
public class SyncParams {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;

    @QueryParam("types")
    @Parameter(description = "Comma-separated resource types to sync: any of article, issue, outlet, topic (default:"
            + " all). A token remembers the types it was made for: send the same, or leave types out.",
            example = "article,issue", schema = @Schema(type = SchemaType.STRING, maxLength = 100))
    public String types;

    @QueryParam("token")
    @Parameter(description = "Opaque: a nextPageToken (the next page) or a nextSyncToken (the changes since). Without"
            + " it, an initial sync: every public resource.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Cursor.MAX_LENGTH))
    public String token;

    @QueryParam("size")
    @Parameter(description = "Items per page at most.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500",
                    defaultValue = "100"))
    public String size;

    /** @param types null when the request names none */
    record Parsed(Set<ResourceKind> types, SyncToken token, int size) {
    }

    Parsed parse() {
        QueryParser parser = new QueryParser();
        Set<String> codes = parser.choices("types", types,
                Arrays.stream(ResourceKind.values()).map(ResourceKind::code).collect(Collectors.toSet()));
        SyncToken at = parser.decoded("token", token, SyncToken::decode,
                "a nextPageToken or nextSyncToken as this service sent it, unchanged");
        int pageSize = parser.integer("size", size, 1, MAX_SIZE, DEFAULT_SIZE);
        parser.validate();
        Set<ResourceKind> kinds = codes.isEmpty() ? null : codes.stream()
                .map(code -> ResourceKind.ofCode(code).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResourceKind.class)));
        return new Parsed(kinds, at, pageSize);
    }
}
