package com.digestapi.listing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.listing.PageRequest.SortOrder;
import com.digestapi.problem.Problem.FieldError;
import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** QueryParser without a server: each parameter kind, its bounds, and the one 400 that names every bad parameter. */
class QueryParserTest {

    private final QueryParser parser = new QueryParser();

    /** The field errors validate() reports, or none when it does not throw. */
    private List<FieldError> errors() {
        try {
            parser.validate();
            return List.of();
        } catch (ProblemException e) {
            return e.errors;
        }
    }

    private static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }

    // --- integer ---

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void absentIntegerIsTheFallbackWithoutError(String raw) {
        assertEquals(7, parser.integer("size", raw, 1, 100, 7));
        assertEquals(List.of(), errors());
    }

    @Test
    void integerIsTrimmedAndBoundsAreInclusive() {
        assertAll(
                () -> assertEquals(5, parser.integer("size", " 5 ", 1, 100, 7)),
                () -> assertEquals(1, parser.integer("size", "1", 1, 100, 7)),
                () -> assertEquals(100, parser.integer("size", "100", 1, 100, 7)),
                () -> assertEquals(-3, parser.integer("n", "-3", -5, 5, 0)));
        assertEquals(List.of(), errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "1e2", "0x10", "99999999999999999999", "3000000000", "+ 5"})
    void integerOutOfRangeOrMalformedGivesTheFallbackAndOneError(String raw) {
        assertEquals(7, parser.integer("size", raw, 1, 100, 7));
        assertEquals(List.of(error("size", "must be an integer from 1 to 100")), errors());
    }

    // --- id ---

    @Test
    void idIsAPositiveLong() {
        assertAll(
                () -> assertEquals(12L, parser.id("topic", "12")),
                () -> assertEquals(1L, parser.id("topic", " 1 ")),
                () -> assertEquals(Long.MAX_VALUE, parser.id("topic", String.valueOf(Long.MAX_VALUE))),
                () -> assertNull(parser.id("topic", null)),
                () -> assertNull(parser.id("topic", " ")));
        assertEquals(List.of(), errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "x", "1.0", "9223372036854775808", "1; drop table article"})
    void idThatIsNotAPositiveIntegerIsAnError(String raw) {
        assertNull(parser.id("outlet", raw));
        assertEquals(List.of(error("outlet", "must be a positive integer id")), errors());
    }

    // --- date ---

    @Test
    void dateIsIsoLocalDateWithinYearsOneTo9999() {
        assertAll(
                () -> assertEquals(LocalDate.of(2024, 10, 5), parser.date("from", "2024-10-05")),
                () -> assertEquals(LocalDate.of(2024, 10, 5), parser.date("from", " 2024-10-05 ")),
                () -> assertEquals(LocalDate.of(1, 1, 1), parser.date("from", "0001-01-01")),
                () -> assertEquals(LocalDate.of(9999, 12, 31), parser.date("from", "9999-12-31")),
                () -> assertEquals(LocalDate.of(2024, 2, 29), parser.date("from", "2024-02-29")),
                () -> assertNull(parser.date("from", null)),
                () -> assertNull(parser.date("from", "")));
        assertEquals(List.of(), errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "-0001-01-01", "+10000-01-01", "2023-02-29", "2024-13-01", "2024-1-5",
            "05.10.2024", "2024-10-05T00:00:00Z", "yesterday"})
    void dateOutsideStorableYearsOrMalformedIsAnError(String raw) {
        assertNull(parser.date("to", raw));
        assertEquals(List.of(error("to", "must be a date (yyyy-MM-dd)")), errors());
    }

    // --- instant ---

    @Test
    void instantNeedsAnOffsetAndIsNormalisedToUtc() {
        assertAll(
                () -> assertEquals(Instant.parse("2024-10-05T00:00:00Z"), parser.instant("updatedSince", "2024-10-05T00:00:00Z")),
                () -> assertEquals(Instant.parse("2024-10-05T00:00:00Z"),
                        parser.instant("updatedSince", " 2024-10-05T02:00:00+02:00 ")),
                () -> assertEquals(Instant.parse("2024-10-05T00:00:00.123Z"),
                        parser.instant("updatedSince", "2024-10-05T00:00:00.123Z")),
                () -> assertEquals(Instant.parse("0001-01-01T00:00:00Z"), parser.instant("updatedSince", "0001-01-01T00:00:00Z")),
                () -> assertEquals(Instant.parse("9999-12-31T23:59:59Z"), parser.instant("updatedSince", "9999-12-31T23:59:59Z")),
                () -> assertNull(parser.instant("updatedSince", null)),
                () -> assertNull(parser.instant("updatedSince", "  ")));
        assertEquals(List.of(), errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-10-05T00:00:00", "2024-10-05", "0000-12-31T00:00:00Z", "+10000-01-01T00:00:00Z",
            "2024-10-05 00:00:00Z", "1728086400", "2024-10-05T25:00:00Z"})
    void instantWithoutOffsetOutsideStorableYearsOrMalformedIsAnError(String raw) {
        assertNull(parser.instant("updatedSince", raw));
        assertEquals(List.of(error("updatedSince",
                "must be an ISO-8601 instant with offset, e.g. 2024-10-05T00:00:00Z")), errors());
    }

    // --- slugs ---

    @Test
    void slugsAreTrimmedDeduplicatedInOrderAndBlanksSkipped() {
        List<String> raw = Arrays.asList("europe", " asia ", "", null, "europe", "asia", "middle-east", "   ");
        assertEquals(List.of("europe", "asia", "middle-east"), parser.slugs("topic", raw));
        assertEquals(List.of(), errors());
    }

    @Test
    void noSlugsIsAnEmptyList() {
        assertEquals(List.of(), parser.slugs("topic", null));
        assertEquals(List.of(), parser.slugs("topic", List.of()));
        assertEquals(List.of(), errors());
    }

    @Test
    void eachInvalidSlugIsAnErrorAndIsLeftOut() {
        String longest = "a".repeat(120);
        String tooLong = "a".repeat(121);
        List<String> raw = List.of("Europe", "europe", "a--b", "-a", "a-", "a_b", "ä", "a b", longest, tooLong);
        assertEquals(List.of("europe", longest), parser.slugs("topic", raw));
        FieldError invalid = error("topic", "must be a slug (lowercase letters, digits and single hyphens)");
        assertEquals(List.of(invalid, invalid, invalid, invalid, invalid, invalid, invalid, invalid), errors());
    }

    @Test
    void aRepeatableParameterIsGivenAtMostTwentyTimes() {
        List<String> twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "s" + i).toList();
        assertEquals(twenty, parser.slugs("topic", twenty));
        assertEquals(List.of(), errors());
        // Repeats and blanks count too: the bound is on what the request carries, before any work on it.
        assertEquals(List.of(), parser.slugs("outlet", java.util.Collections.nCopies(21, "europe")));
        assertEquals(List.of(error("outlet", "may be given at most 20 times (was given 21)")), errors());
    }

    // --- text ---

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void blankTextIsNoSearch(String raw) {
        assertNull(parser.text("q", raw, 10));
        assertEquals(List.of(), errors());
    }

    @Test
    void textIsStrippedButKeepsItsCase() {
        // The case of OR is syntax to the article search; other lists lower-case in ListQuery.containing.
        assertEquals("Hello OR WORLD", parser.text("q", "  Hello OR WORLD \u2003", 20));
        assertEquals("100% _OFF_ \\", parser.text("q", "100% _OFF_ \\", 20));
        assertEquals(List.of(), errors());
    }

    @Test
    void textAtMaxLengthIsAcceptedAndLongerIsAnError() {
        assertEquals("ABCDE", parser.text("q", "ABCDE", 5));
        assertEquals("ABCDE", parser.text("q", "  ABCDE  ", 5), "length counts after stripping");
        assertEquals(List.of(), errors());
        assertNull(parser.text("q", "abcdef", 5));
        assertEquals(List.of(error("q", "must be at most 5 characters")), errors());
    }

    @Test
    void textWithNulIsAnError() {
        assertNull(parser.text("q", "a\0b", 10));
        assertEquals(List.of(error("q", "must not contain NUL characters")), errors());
    }

    @Test
    void tooLongTextIsReportedOnceEvenWithNul() {
        assertNull(parser.text("q", "\0".repeat(6), 5));
        assertEquals(List.of(error("q", "must be at most 5 characters")), errors());
    }

    // --- matching ---

    @Test
    void matchingTrimsAndReportsTheExpectation() {
        Pattern isbn = Pattern.compile("\\d{3}-\\d");
        assertEquals("123-4", parser.matching("code", " 123-4 ", isbn, "like 123-4"));
        assertNull(parser.matching("code", null, isbn, "like 123-4"));
        assertEquals(List.of(), errors());
        assertNull(parser.matching("code", "1234", isbn, "like 123-4"));
        assertEquals(List.of(error("code", "must be like 123-4")), errors());
    }

    // --- enumeration ---

    enum Colour { RED, DARK_BLUE }

    @Test
    void enumerationIgnoresCaseAndSurroundingSpace() {
        assertAll(
                () -> assertEquals(Colour.RED, parser.enumeration("colour", "red", Colour.class)),
                () -> assertEquals(Colour.RED, parser.enumeration("colour", " RED ", Colour.class)),
                () -> assertEquals(Colour.DARK_BLUE, parser.enumeration("colour", "Dark_Blue", Colour.class)),
                () -> assertNull(parser.enumeration("colour", null, Colour.class)),
                () -> assertNull(parser.enumeration("colour", "", Colour.class)));
        assertEquals(List.of(), errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"green", "dark-blue", "darkblue", "0"})
    void unknownEnumerationValueListsTheAllowedOnes(String raw) {
        assertNull(parser.enumeration("colour", raw, Colour.class));
        assertEquals(List.of(error("colour", "must be one of [RED, DARK_BLUE]")), errors());
    }

    // --- notAfter ---

    @Test
    void notAfterReportsAFromLaterThanTo() {
        LocalDate day = LocalDate.of(2024, 10, 5);
        parser.notAfter("from", day, "to", day);
        parser.notAfter("from", day, "to", day.plusDays(1));
        parser.notAfter("from", null, "to", day);
        parser.notAfter("from", day, "to", null);
        assertEquals(List.of(), errors());
        parser.notAfter("from", day.plusDays(1), "to", day);
        assertEquals(List.of(error("from", "must not be after to")), errors());
    }

    // --- page ---

    private static final SortFields FIELDS = SortFields.of("a", "-publishedOn", "publishedOn", "headline", "id");

    @Test
    void pageDefaultsToFirstPageDefaultSizeAndDefaultSort() {
        PageRequest page = parser.page(null, " ", "", FIELDS);
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE, List.of(new SortOrder("a.publishedOn", true))), page);
        assertEquals(20, page.size());
        assertEquals(List.of(), errors());
    }

    @Test
    void pageParsesNumberSizeAndSort() {
        PageRequest page = parser.page("3", "50", "-publishedOn,headline", FIELDS);
        assertEquals(new PageRequest(3, 50, List.of(new SortOrder("a.publishedOn", true), new SortOrder("a.headline", false))),
                page);
        assertEquals(150, page.offset());
        assertEquals(List.of(), errors());
    }

    @Test
    void pageAndSizeBounds() {
        assertEquals(new PageRequest(99, PageRequest.MAX_SIZE, List.of(new SortOrder("a.id", false))),
                parser.page("99", "100", "id", FIELDS));
        assertEquals(new PageRequest(PageRequest.MAX_PAGE, 1, List.of(new SortOrder("a.id", false))),
                parser.page("9999", "1", "id", FIELDS));
        assertEquals(1, parser.page("0", "1", null, FIELDS).size());
        assertEquals(List.of(), errors());
    }

    @Test
    void numberedPagesReachTheFirstTenThousandItemsAtAnySize() {
        parser.page("500", null, null, FIELDS);
        assertEquals(List.of(error("page", "must be at most 499 at size 20: numbered pages reach the first 10000 items;"
                + " beyond, follow the next link, which carries a cursor")), errors());
    }

    @Test
    void aCursorGivesThePageItsPositionFallsOn() {
        Cursor cursor = new Cursor("list", 45, List.of("7"));
        PageRequest page = parser.page(null, "20", null, cursor.encode(), FIELDS);
        assertEquals(List.of(), errors());
        assertEquals(cursor, page.cursor());
        assertEquals(2, page.page());
        assertEquals(45, page.start());
        assertEquals(0, page.offset());
    }

    @Test
    void aCursorWithAPageOrAMalformedOneIsAnErrorOfTheCursor() {
        parser.page("0", null, null, new Cursor("list", 20, List.of("7")).encode(), FIELDS);
        parser.page(null, null, null, "not-a-cursor", FIELDS);
        assertEquals(List.of(error("cursor", "cannot be combined with page: a cursor says where its page starts"),
                error("cursor", ListQuery.MALFORMED_CURSOR)), errors());
    }

    @Test
    void badPageAndSizeFallBackAndAreBothReported() {
        PageRequest page = parser.page("-1", "101", "headline", FIELDS);
        assertEquals(new PageRequest(0, 20, List.of(new SortOrder("a.headline", false))), page);
        assertEquals(List.of(error("page", "must be an integer from 0 to 9999"),
                error("size", "must be an integer from 1 to 100")), errors());
    }

    @Test
    void sizeZeroAndPageBeyondMaxAreErrors() {
        parser.page("10000", "0", null, FIELDS);
        assertEquals(List.of(error("page", "must be an integer from 0 to 9999"),
                error("size", "must be an integer from 1 to 100")), errors());
    }

    @Test
    void unknownSortFieldsAreNamedWithTheAllowedOnes() {
        PageRequest page = parser.page(null, null, "-bogus,headline,+nope", FIELDS);
        assertEquals(List.of(new SortOrder("a.headline", false)), page.sort(), "known fields are still parsed");
        assertEquals(List.of(error("sort", "has unknown field 'bogus', 'nope'; allowed: publishedOn, headline, id "
                + "(prefix - for descending)")), errors());
    }

    @Test
    void anEmptySortTokenIsAnUnknownField() {
        parser.page(null, null, "headline,", FIELDS);
        assertEquals(List.of(error("sort", "has unknown field ''; allowed: publishedOn, headline, id "
                + "(prefix - for descending)")), errors());
    }

    @Test
    void longUnknownSortFieldIsShortenedTo40Characters() {
        String field = "x".repeat(41);
        parser.page(null, null, field, FIELDS);
        assertEquals(List.of(error("sort", "has unknown field '" + "x".repeat(40) + "…'; allowed: publishedOn, headline, id "
                + "(prefix - for descending)")), errors());
    }

    @Test
    void unknownSortFieldOfExactly40CharactersIsShownWhole() {
        String field = "y".repeat(40);
        parser.page(null, null, field, FIELDS);
        assertEquals("has unknown field '" + field + "'; allowed: publishedOn, headline, id (prefix - for descending)",
                errors().get(0).message());
    }

    // --- validate ---

    @Test
    void validateWithoutErrorsDoesNotThrow() {
        parser.integer("page", "1", 0, 10, 0);
        parser.text("q", "fine", 10);
        assertDoesNotThrow(parser::validate);
    }

    @Test
    void validateThrowsOneValidationProblemNamingEveryBadParameterInOrder() {
        parser.page("x", "5", "nope", FIELDS);
        parser.id("topic", "0");
        parser.date("from", "2024-10-32");
        parser.text("q", "ok", 10);
        ProblemException e = assertThrows(ProblemException.class, parser::validate);
        assertEquals(ProblemType.VALIDATION, e.type);
        assertEquals(400, e.type.status);
        assertEquals(List.of(
                error("page", "must be an integer from 0 to 9999"),
                error("sort", "has unknown field 'nope'; allowed: publishedOn, headline, id (prefix - for descending)"),
                error("topic", "must be a positive integer id"),
                error("from", "must be a date (yyyy-MM-dd)")), e.errors);
        assertEquals("page must be an integer from 0 to 9999; "
                + "sort has unknown field 'nope'; allowed: publishedOn, headline, id (prefix - for descending); "
                + "topic must be a positive integer id; from must be a date (yyyy-MM-dd)", e.getMessage());
        assertTrue(e.headers.isEmpty());
    }
}
