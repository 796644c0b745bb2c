package com.digestapi.web;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** A 201 Created with the absolute Location of the new resource and its representation. */
public final class Created {

    private Created() {
    }

    public static <T> RestResponse<T> at(UriInfo uriInfo, Class<?> resource, long id, T body) {
        return RestResponse.ResponseBuilder.<T>created(uriInfo.getBaseUriBuilder().path(resource).path(String.valueOf(id)).build())
                .entity(body).build();
    }
}
