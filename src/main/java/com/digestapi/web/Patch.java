package com.digestapi.web;

/** A partial change of a write representation T, already parsed: services apply it without seeing its JSON. */
public interface Patch<T> {

    /** The current representation with the patch applied, validated like a PUT body (400 otherwise). */
    T applyTo(T current);

    /** Whether the patch names this top-level field, to set or to clear it. */
    boolean names(String field);
}
