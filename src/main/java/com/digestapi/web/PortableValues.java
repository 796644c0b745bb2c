package com.digestapi.web;

import java.time.LocalDate;

/** What every format and database the service speaks can carry: text XML 1.0 allows, dates in the years 1..9999. */
public final class PortableValues {

    /** The dates a body or query may name, as the error messages and the API description say it. */
    public static final String DATE_RANGE = "0001-01-01 to 9999-12-31";
    /** yyyy-MM-dd in those years. */
    public static final int DATE_LENGTH = 10;
    /**
     * The longest ISO-8601 instant with offset in those years: 9999-12-31T23:59:59.999999999+05:30:15 (the service writes
     * instants in UTC, at most 30 characters).
     */
    public static final int DATE_TIME_MAX_LENGTH = 38;
    /** Text with a character other than white space, as a regular expression (what @NotBlank means). */
    public static final String NOT_BLANK = "\\S";
    /**
     * Text {@link #textProblem} lets through, as a regular expression for the API description (which cannot say "no
     * unpaired surrogate").
     */
    public static final String TEXT_PATTERN = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]*$";

    private PortableValues() {
    }

    /**
     * Why text cannot be accepted, as the message of a field error ("must not contain ..."), or null when it can. Atom
     * and RSS are XML 1.0, which cannot carry most control characters (U+000B is what a word processor pastes for a
     * manual line break), U+FFFE, U+FFFF or unpaired surrogates; PostgreSQL cannot store NUL.
     */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!isXmlChar(codePoint)) {
                if (codePoint == 0) {
                    return "must not contain NUL characters";
                }
                String code = String.format("U+%04X", codePoint);
                if (Character.isSurrogate((char) codePoint)) {
                    return "must not contain an unpaired surrogate (" + code + ")";
                }
                if (codePoint < 0x20) {
                    return "must not contain the control character " + code
                            + " (of the control characters, only tab, line feed and carriage return are allowed)";
                }
                return "must not contain the noncharacter " + code;
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    /**
     * Stored text as XML can carry it, for rows written before the check or by SQL: a vertical tab or form feed
     * becomes a line feed (what the writer meant), any other character XML forbids is dropped.
     */
    public static String xmlSafe(String text) {
        if (text == null || textProblem(text) == null) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isXmlChar(codePoint)) {
                safe.appendCodePoint(codePoint);
            } else if (codePoint == 0x0B || codePoint == 0x0C) {
                safe.append('\n');
            }
            i += Character.charCount(codePoint);
        }
        return safe.toString();
    }

    /** Years 1..9999, what yyyy-MM-dd writes: beyond, H2 silently compares wrong and PostgreSQL fails. */
    public static boolean isStorableYear(int year) {
        return year >= 1 && year <= 9999;
    }

    public static boolean isStorable(LocalDate date) {
        return isStorableYear(date.getYear());
    }

    /** XML 1.0 section 2.2: Char; codePointAt yields an unpaired surrogate as itself, which falls outside. */
    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
