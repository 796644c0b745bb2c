package com.digestapi.listing;

import com.digestapi.listing.PageRequest.SortOrder;
import com.digestapi.persistence.Slugs;
import com.digestapi.problem.Problem.FieldError;
import com.digestapi.problem.ProblemException;
import com.digestapi.web.PortableValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Parses query parameters strictly, collecting every malformed one so one 400 names them all. */
public final class QueryParser {

    /**
     * How often a repeatable parameter (topic, outlet) may be given: every value is one more term of the query, and an
     * anonymous reader must not make one request cost thousands.
     */
    public static final int MAX_VALUES = 20;

    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);
    private final List<FieldError> errors = new ArrayList<>();

    public int integer(String name, String raw, int min, int max, int fallback) {
        if (isAbsent(raw)) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer from " + min + " to " + max));
        return fallback;
    }

    public Long id(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a positive integer id"));
        return null;
    }

    public LocalDate date(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(raw.trim());
            if (PortableValues.isStorableYear(date.getYear())) {
                return date;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a date (yyyy-MM-dd)"));
        return null;
    }

    public Instant instant(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            OffsetDateTime instant = OffsetDateTime.parse(raw.trim());
            if (PortableValues.isStorableYear(instant.getYear())) {
                return instant.toInstant();
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an ISO-8601 instant with offset, e.g. 2024-10-05T00:00:00Z"));
        return null;
    }

    /** The distinct slugs of a repeatable parameter, given at most {@link #MAX_VALUES} times. */
    public List<String> slugs(String name, List<String> raw) {
        List<String> slugs = new ArrayList<>();
        if (raw != null && raw.size() > MAX_VALUES) {
            errors.add(new FieldError(name, "may be given at most " + MAX_VALUES + " times (was given " + raw.size()
                    + ")"));
            return slugs;
        }
        for (String value : raw == null ? List.<String>of() : raw) {
            if (isAbsent(value)) {
                continue;
            }
            String slug = value.trim();
            if (slug.length() > Slugs.MAX_LENGTH || !SLUG.matcher(slug).matches()) {
                errors.add(new FieldError(name, "must be a slug (lowercase letters, digits and single hyphens)"));
            } else if (!slugs.contains(slug)) {
                slugs.add(slug);
            }
        }
        return slugs;
    }

    /** Free text for a search, stripped; blank means no search. */
    public String text(String name, String raw, int maxLength) {
        if (isAbsent(raw)) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > maxLength) {
            errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
            return null;
        }
        String problem = PortableValues.textProblem(text);
        if (problem != null) {
            errors.add(new FieldError(name, problem));
            return null;
        }
        return text;
    }

    public String matching(String name, String raw, Pattern pattern, String expectation) {
        if (isAbsent(raw)) {
            return null;
        }
        String value = raw.trim();
        if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError(name, "must be " + expectation));
            return null;
        }
        return value;
    }

    /**
     * A value only the decoder can read (an opaque token): what it returns, or an error saying what the parameter must
     * be when it throws IllegalArgumentException.
     */
    public <T> T decoded(String name, String raw, Function<String, T> decoder, String expectation) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            return decoder.apply(raw.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be " + expectation));
            return null;
        }
    }

    public <E extends Enum<E>> E enumeration(String name, String raw, Class<E> type) {
        if (isAbsent(raw)) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw.trim())) {
                return constant;
            }
        }
        errors.add(new FieldError(name, "must be one of " + List.of(type.getEnumConstants())));
        return null;
    }

    /** A comma-separated subset of the allowed words, e.g. facets=topic,year; absent means none. */
    public Set<String> choices(String name, String raw, Set<String> allowed) {
        if (isAbsent(raw)) {
            return Set.of();
        }
        Set<String> chosen = new TreeSet<>();
        for (String word : raw.split(",", -1)) {
            String choice = word.strip();
            if (!allowed.contains(choice)) {
                String shown = choice.length() > 40 ? choice.substring(0, 40) + "…" : choice;
                errors.add(new FieldError(name, "has unknown value '" + shown + "'; allowed: "
                        + String.join(", ", new TreeSet<>(allowed))));
                return Set.of();
            }
            chosen.add(choice);
        }
        return Set.copyOf(chosen);
    }

    public void notAfter(String fromName, LocalDate from, String toName, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError(fromName, "must not be after " + toName));
        }
    }

    public PageRequest page(String page, String size, String sort, SortFields fields) {
        return page(page, size, sort, null, fields);
    }

    /**
     * A numbered page, or the page after a cursor (never both); page × size + size at most
     * {@link PageRequest#MAX_OFFSET}. Only the cursor's form is checked here: whether it belongs to the list, its sort and
     * its filters is for the query to tell ({@link ListQuery#page}).
     */
    public PageRequest page(String page, String size, String sort, String cursor, SortFields fields) {
        int errorsBefore = errors.size();
        int pageNumber = integer("page", page, 0, PageRequest.MAX_PAGE, 0);
        int pageSize = integer("size", size, 1, PageRequest.MAX_SIZE, PageRequest.DEFAULT_SIZE);
        Cursor at = null;
        if (!isAbsent(cursor)) {
            try {
                at = Cursor.decode(cursor.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("cursor", ListQuery.MALFORMED_CURSOR));
            }
            if (!isAbsent(page)) {
                errors.add(new FieldError("cursor", "cannot be combined with page: a cursor says where its page starts"));
            }
        } else if (errors.size() == errorsBefore && !PageRequest.reachable(pageNumber, pageSize)) {
            errors.add(new FieldError("page", "must be at most " + PageRequest.lastReachable(pageSize) + " at size "
                    + pageSize + ": numbered pages reach the first " + PageRequest.MAX_OFFSET + " items; beyond, follow"
                    + " the next link, which carries a cursor"));
        }
        List<String> unknown = new ArrayList<>();
        List<SortOrder> orders = fields.parse(isAbsent(sort) ? fields.defaultSort() : sort, unknown);
        if (!unknown.isEmpty()) {
            String shown = unknown.stream().map(u -> u.length() > 40 ? u.substring(0, 40) + "…" : u)
                    .map(u -> "'" + u + "'").reduce((a, b) -> a + ", " + b).orElse("");
            errors.add(new FieldError("sort", "has unknown field " + shown + "; allowed: "
                    + String.join(", ", fields.paths().keySet()) + " (prefix - for descending)"));
        }
        return at != null ? PageRequest.at(at, pageSize, orders) : new PageRequest(pageNumber, pageSize, orders);
    }

    /** Ends parsing: a 400 naming every malformed parameter, or nothing. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static boolean isAbsent(String raw) {
        return raw == null || raw.isBlank();
    }
}
