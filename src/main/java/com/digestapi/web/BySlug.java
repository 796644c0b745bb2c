package com.digestapi.web;

import com.digestapi.persistence.SlugHistory;
import com.digestapi.persistence.Slugs;
import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * GET /{kind}/by-slug/{slug}, the same for articles, issues, outlets and topics: the resource a slug names now, as
 * GET /{kind}/{id} answers it (same body, hence the same ETag and caching headers); a 301 to the current slug's URL
 * when the slug is one the resource carried before a rename; a 404 for a slug that names nothing the reader may see.
 */
public final class BySlug {

    /** The path below each resource type's own. */
    public static final String PATH = "by-slug/{slug}";
    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);

    private BySlug() {
    }

    /** The body of the 301: where the resource is now, for a client that does not follow the Location. */
    @Schema(name = "SlugRedirect", description = "The slug is one the resource carried before a rename: it lives at its"
            + " current slug now, which Location names.")
    public record Moved(
            @Schema(examples = "3", required = true, minimum = "1") long id,
            @Schema(description = "The current slug.", examples = "nikkei-asia", required = true,
                    maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN) String slug) {
    }

    /**
     * The answer to a GET by slug.
     *
     * @param resource the JAX-RS resource class, whose path the Location starts with
     * @param kind     the resource's name in a 404's detail ("outlet")
     * @param find     the resource a slug names (current or old), if the reader may see it: one statement
     * @param read     its representation by id, as GET /{kind}/{id} gives it
     */
    public static RestResponse<Object> answer(UriInfo uriInfo, Class<?> resource, String kind, String slug,
                                              Function<String, Optional<SlugHistory.Match>> find,
                                              LongFunction<?> read) {
        if (slug.length() > Slugs.MAX_LENGTH || !SLUG.matcher(slug).matches()) {
            // Control characters, dots, slashes, upper case: refused before any database read.
            throw ProblemException.invalid("slug", "must be a slug: lowercase letters, digits and single hyphens, at"
                    + " most " + Slugs.MAX_LENGTH + " characters");
        }
        SlugHistory.Match match = find.apply(slug).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "no " + kind + " has the slug '" + slug + "', now or before a rename"));
        if (match.slug().equals(slug)) {
            return RestResponse.ok(read.apply(match.id()));
        }
        URI location = uriInfo.getBaseUriBuilder().path(resource).path("by-slug").path(match.slug()).build();
        return RestResponse.ResponseBuilder.create(RestResponse.Status.MOVED_PERMANENTLY,
                (Object) new Moved(match.id(), match.slug())).location(location).build();
    }
}
