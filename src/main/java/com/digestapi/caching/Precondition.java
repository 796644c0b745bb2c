package com.digestapi.caching;

/**
 * The If-Match condition a write carries: none (write unconditionally), "*", or the entity tags the client read. A
 * value, so services see the condition and never the HTTP header it came in.
 */
public record Precondition(String ifMatch) {

    public static final Precondition NONE = new Precondition(null);

    /** The condition of an If-Match header; absent or blank means none. */
    public static Precondition ifMatch(String header) {
        return header == null || header.isBlank() ? NONE : new Precondition(header);
    }

    public boolean isNone() {
        return ifMatch == null;
    }
}
