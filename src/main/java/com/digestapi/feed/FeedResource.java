package com.digestapi.feed;

import com.digestapi.caching.ETags;
import com.digestapi.web.ApiPaths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Syndication of the digest: Atom, RSS and JSON Feed of the newest published articles, with conditional GET. */
@Path(ApiPaths.V1 + "/feeds")
@Tag(name = "Feeds", description = "Subscribe to the digest in a feed reader: Atom 1.0, RSS 2.0 or JSON Feed 1.1,"
        + " optionally filtered by topic and outlet. Each feed sends ETag and Last-Modified, which move forward with"
        + " every change readers can see, removals included; conditional GETs answer 304.")
public class FeedResource {

    private final FeedService feeds;
    private final ObjectMapper mapper;

    FeedResource(FeedService feeds, ObjectMapper mapper) {
        this.feeds = feeds;
        this.mapper = mapper;
    }

    @GET
    @Path("articles.atom")
    @Produces(FeedFormats.ATOM)
    @Operation(operationId = "atomFeed", summary = "Atom 1.0 feed of the newest articles",
            description = "Newest issue first, each issue in its own order. Entry ids are the articles' API URLs and never"
                    + " change with edits. Articles readers lost in the last 30 days (deleted, unpublished, withdrawn)"
                    + " follow as RFC 6721 tombstones, at:deleted-entry elements whose ref is the entry id.")
    // The media type names the XML format; a JSON Schema "string" would add nothing but an unbounded length.
    @APIResponse(responseCode = "200", description = "The feed.", headers = {
            @Header(name = "ETag"), @Header(name = "Last-Modified")},
            content = @Content(mediaType = FeedFormats.ATOM))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date the request named.")
    public Response atom(@BeanParam FeedParams params, UriInfo uriInfo, HttpHeaders headers) {
        return render(params, uriInfo, headers, FeedFormats.ATOM, FeedFormats::atom);
    }

    @GET
    @Path("articles.rss")
    @Produces(FeedFormats.RSS)
    @Operation(operationId = "rssFeed", summary = "RSS 2.0 feed of the newest articles",
            description = "The same entries as the Atom feed.")
    @APIResponse(responseCode = "200", description = "The feed.", headers = {
            @Header(name = "ETag"), @Header(name = "Last-Modified")},
            content = @Content(mediaType = FeedFormats.RSS))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date the request named.")
    public Response rss(@BeanParam FeedParams params, UriInfo uriInfo, HttpHeaders headers) {
        return render(params, uriInfo, headers, FeedFormats.RSS, FeedFormats::rss);
    }

    @GET
    @Path("articles.json")
    @Produces(FeedFormats.JSON_FEED)
    @Operation(operationId = "jsonFeed", summary = "JSON Feed 1.1 of the newest articles",
            description = "The same entries as the Atom feed; outlet, topic slugs and issue sit in each item's `_digest`.")
    @APIResponse(responseCode = "200", description = "The feed.", headers = {
            @Header(name = "ETag"), @Header(name = "Last-Modified")},
            content = @Content(mediaType = FeedFormats.JSON_FEED, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date the request named.")
    public Response json(@BeanParam FeedParams params, UriInfo uriInfo, HttpHeaders headers) {
        return render(params, uriInfo, headers, FeedFormats.JSON_FEED, this::jsonFeed);
    }

    /** The one path of the three feeds: the query, the feed, its text in the format, then 200 or 304. */
    private Response render(FeedParams params, UriInfo uriInfo, HttpHeaders headers, String mediaType,
                            Function<Feed, String> format) {
        Feed feed = feeds.feed(params.parse(), uriInfo.getBaseUri(), uriInfo.getRequestUri());
        return ETags.conditional(headers, format.apply(feed), mediaType, feed.updated());
    }

    private String jsonFeed(Feed feed) {
        try {
            return mapper.writeValueAsString(FeedFormats.json(feed));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
