package com.digestapi.feed;

import com.digestapi.listing.QueryParser;
import com.digestapi.persistence.Slugs;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of the three feeds: the same topic and outlet filters as GET /articles, and a limit. */
public class FeedParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    @QueryParam("topic")
    @Parameter(description = "Topic slug; repeat (at most 20 times) for entries having any of them."
                    + " An unknown slug gives an empty feed.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Slugs.class, maxItems = QueryParser.MAX_VALUES))
    public List<String> topic;

    @QueryParam("outlet")
    @Parameter(description = "Outlet slug; repeat (at most 20 times) for entries from any of them."
                    + " An unknown slug gives an empty feed.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Slugs.class, maxItems = QueryParser.MAX_VALUES))
    public List<String> outlet;

    @QueryParam("limit")
    @Parameter(description = "How many of the newest entries.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + MAX_LIMIT,
                    defaultValue = "" + DEFAULT_LIMIT))
    public String limit;

    /** The parsed query; a 400 naming every malformed parameter otherwise. */
    public FeedQuery parse() {
        QueryParser parser = new QueryParser();
        FeedQuery query = new FeedQuery(parser.slugs("topic", topic), parser.slugs("outlet", outlet),
                parser.integer("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT));
        parser.validate();
        return query;
    }
}
