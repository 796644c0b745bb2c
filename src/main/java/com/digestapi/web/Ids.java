package com.digestapi.web;

import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;

/** Reads the {id} of a path: anything but a positive 64-bit integer names no resource, so it is a 404. */
public final class Ids {

    /** Digits of the largest id, 2^63 - 1. */
    public static final int MAX_LENGTH = 19;

    private Ids() {
    }

    public static long parse(String raw, String resource) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the 404
        }
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        throw new ProblemException(ProblemType.NOT_FOUND, resource + " '" + shown + "' does not exist: ids are positive integers");
    }
}
