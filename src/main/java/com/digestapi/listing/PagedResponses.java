package com.digestapi.listing;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Turns a page into a 200 with an RFC 8288 Link header of absolute URLs that keep the request's other parameters, and
 * X-Total-Count when the total is exact:
 * <ul>
 * <li>{@code first}: page 0;</li>
 * <li>{@code prev}: the page number before this one (the last page when this one lies beyond it), when there is one and
 * numbered pages reach it; on cursor pages too, by number;</li>
 * <li>{@code next}: the cursor of the next page (no page parameter), when there is a next page; a list without
 * cursors (a search) names the next page by number, when numbered pages reach it;</li>
 * <li>{@code last}: the last page by number, when the total is exact and numbered pages reach it.</li>
 * </ul>
 */
public final class PagedResponses {

    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String CURSOR = "cursor";

    private PagedResponses() {
    }

    /** @param alternates further Link values, e.g. the feed of the same filter */
    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uriInfo, String... alternates) {
        long last = Math.max(page.totalPages() - 1, 0);
        List<String> links = new ArrayList<>();
        links.add(numbered(uriInfo, 0, "first"));
        long prev = page.totalExact() ? Math.min(page.page() - 1L, last) : page.page() - 1L;
        if (page.page() > 0 && PageRequest.reachable(prev, page.size())) {
            links.add(numbered(uriInfo, prev, "prev"));
        }
        if (page.nextCursor() != null) {
            UriBuilder next = without(uriInfo, "page").replaceQueryParam(CURSOR, page.nextCursor());
            links.add("<" + next.build() + ">; rel=\"next\"");
        } else if ((page.totalExact() ? page.page() < last : page.items().size() == page.size())
                && PageRequest.reachable(page.page() + 1L, page.size())) {
            // A list without cursors (a search: relevance is no stored value to key on) names the next page; past an
            // inexact total, as long as pages come full.
            links.add(numbered(uriInfo, page.page() + 1L, "next"));
        }
        if (page.totalExact() && PageRequest.reachable(last, page.size())) {
            links.add(numbered(uriInfo, last, "last"));
        }
        links.addAll(List.of(alternates));
        RestResponse.ResponseBuilder<Page<T>> response = RestResponse.ResponseBuilder.ok(page)
                .header("Link", String.join(", ", links));
        if (page.totalExact()) {
            response.header(TOTAL_COUNT, page.totalItems());
        }
        return response.build();
    }

    private static String numbered(UriInfo uriInfo, long page, String rel) {
        return "<" + without(uriInfo, CURSOR).replaceQueryParam("page", page).build() + ">; rel=\"" + rel + "\"";
    }

    /** The request URI without the parameter (a null array: an empty one would leave a stray '&' in an empty query). */
    private static UriBuilder without(UriInfo uriInfo, String parameter) {
        return uriInfo.getRequestUriBuilder().replaceQueryParam(parameter, (Object[]) null);
    }
}
