package com.digestapi.article;

import com.digestapi.listing.ListParams;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.QueryParser;
import com.digestapi.persistence.Slugs;
import com.digestapi.listing.SortFields;
import com.digestapi.search.SearchQuery;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /articles and GET /issues/{id}/articles. */
public class ArticleListParams extends ListParams {

    @QueryParam("topic")
    @Parameter(description = "Topic slug; repeat (at most 20 times) for articles having any of them,"
                    + " e.g. topic=energy&topic=economy.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Slugs.class, maxItems = QueryParser.MAX_VALUES))
    public List<String> topic;

    @QueryParam("outlet")
    @Parameter(description = "Outlet slug; repeat (at most 20 times) for articles from any of them,"
                    + " e.g. outlet=nikkei-asia.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Slugs.class, maxItems = QueryParser.MAX_VALUES))
    public List<String> outlet;

    @QueryParam("from")
    @Parameter(description = "Earliest publishedOn, inclusive.", example = "2024-10-01",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @QueryParam("to")
    @Parameter(description = "Latest publishedOn, inclusive.", example = "2024-10-31",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    @QueryParam("facets")
    @Parameter(description = "Comma-separated facets to count over the whole result: `topic`, `outlet`, `year`; the"
            + " answer's `facets` then gives each value (topic and outlet slugs, years) with its count, most frequent"
            + " first (at most 100 values each). Combines with `q` and every filter.", example = "topic,outlet,year",
            schema = @Schema(type = SchemaType.STRING, maxLength = 30, pattern = "^[a-z]+(,[a-z]+)*$"))
    public String facets;

    /**
     * The parsed filter and page, for the given issue (from the path or the issue parameter). With q, the order is
     * best match first unless sort says otherwise.
     */
    public Parsed parse(String issueParameter, SortFields sort) {
        QueryParser parser = new QueryParser();
        String text = query(parser);
        List<String> topics = parser.slugs("topic", topic);
        List<String> outlets = parser.slugs("outlet", outlet);
        Long issueId = parser.id("issue", issueParameter);
        LocalDate fromDate = parser.date("from", from);
        LocalDate toDate = parser.date("to", to);
        parser.notAfter("from", fromDate, "to", toDate);
        ArticleFilter filter = new ArticleFilter(text, topics, outlets, issueId, fromDate, toDate,
                updatedSince(parser), false, parser.choices("facets", facets, SearchQuery.FACETS));
        PageRequest page = pageRequest(parser, text != null ? sort.byDefault(ArticleQueries.RELEVANCE) : sort);
        parser.validate();
        return new Parsed(filter, page);
    }

    public record Parsed(ArticleFilter filter, PageRequest page) {
    }
}
