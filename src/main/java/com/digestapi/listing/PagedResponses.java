package com.digestapi.listing;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Turns a page into a 200 with X-Total-Count and an RFC 8288 Link header of absolute first/prev/next/last URLs. */
public final class PagedResponses {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PagedResponses() {
    }

    /** @param alternates further Link values, e.g. the feed of the same filter */
    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uriInfo, String... alternates) {
        long last = Math.max(page.totalPages() - 1, 0);
        List<String> links = new ArrayList<>();
        links.add(link(uriInfo, 0, "first"));
        if (page.page() > 0) {
            links.add(link(uriInfo, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.page() < last) {
            links.add(link(uriInfo, page.page() + 1, "next"));
        }
        links.add(link(uriInfo, last, "last"));
        links.addAll(List.of(alternates));
        return RestResponse.ResponseBuilder.ok(page)
                .header(TOTAL_COUNT, page.totalItems())
                .header("Link", String.join(", ", links))
                .build();
    }

    private static String link(UriInfo uriInfo, long page, String rel) {
        return "<" + uriInfo.getRequestUriBuilder().replaceQueryParam("page", page).build() + ">; rel=\"" + rel + "\"";
    }
}
