package com.digestapi.web;

import java.net.URI;

/** Where the API lives: the one place its path prefix is written. */
public final class ApiPaths {

    /** Every version of the API is below this (CORS, caching headers). */
    public static final String ROOT = "/api";
    /** Version 1: every resource's path starts here. */
    public static final String V1 = ROOT + "/v1";

    private ApiPaths() {
    }

    /** The absolute URL of a path under {@link #V1} ("/articles/7"), below the application's base URI. */
    public static URI v1(URI baseUri, String path) {
        // Relative to the base URI, so an application root path (quarkus.http.root-path) is kept.
        return baseUri.resolve(V1.substring(1) + path);
    }
}
