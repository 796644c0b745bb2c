package com.digestapi.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ETag rule as pure functions: the tag of some bytes, RFC 9110 comparison, and the 304 decision for GET. */
class ETagsTest {

    private static final EntityTag TAG = new EntityTag("abc");

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class TagOf {

        @Test
        void isTheFirst27CharactersOfTheBase64UrlSha256() {
            // SHA-256 of no bytes is 47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU in unpadded base64url.
            assertEquals(new EntityTag("47DEQpj8HBSa-_TImW-5JCeuQeR"), ETags.tagOf(new byte[0]));
            assertEquals("AVq9f1zFei3ZS3WQ8ErYCEJzkF7", ETags.tagOf(bytes("{\"a\":1}")).getValue());
        }

        @Test
        void isStrongStableAnd27UrlSafeCharacters() {
            EntityTag first = ETags.tagOf(bytes("{\"headline\":\"x\"}"));
            EntityTag again = ETags.tagOf(bytes("{\"headline\":\"x\"}"));
            assertEquals(first, again);
            assertFalse(first.isWeak());
            assertEquals(27, first.getValue().length());
            assertTrue(first.getValue().matches("[A-Za-z0-9_-]{27}"), first.getValue());
        }

        @Test
        void differsWhenAnyByteDiffers() {
            assertNotEquals(ETags.tagOf(bytes("{\"a\":1}")), ETags.tagOf(bytes("{\"a\":2}")));
            assertNotEquals(ETags.tagOf(bytes("{\"a\":1}")), ETags.tagOf(bytes("{\"a\": 1}")));
        }
    }

    @Nested
    class Matches {

        @Test
        void aStrongTagMatchesInBothComparisons() {
            assertTrue(ETags.matches("\"abc\"", TAG, false));
            assertTrue(ETags.matches("\"abc\"", TAG, true));
        }

        @Test
        void aWeakTagMatchesOnlyInWeakComparison() {
            assertTrue(ETags.matches("W/\"abc\"", TAG, true));
            assertFalse(ETags.matches("W/\"abc\"", TAG, false));
        }

        @Test
        void starMatchesAnything() {
            assertTrue(ETags.matches("*", TAG, false));
            assertTrue(ETags.matches("*", TAG, true));
            assertTrue(ETags.matches(" * ", TAG, false));
            assertTrue(ETags.matches("\"other\", *", TAG, false));
        }

        @Test
        void anyTagOfAListMatches() {
            assertTrue(ETags.matches("\"x\", \"abc\"", TAG, false));
            assertTrue(ETags.matches("\"x\",\"abc\",\"y\"", TAG, false));
            assertTrue(ETags.matches("W/\"x\", W/\"abc\"", TAG, true));
            assertTrue(ETags.matches(" \"abc\" ", TAG, false));
        }

        @Test
        void aWeakTagInAListIsSkippedInStrongComparison() {
            assertFalse(ETags.matches("\"x\", W/\"abc\"", TAG, false));
            assertTrue(ETags.matches("W/\"abc\", \"abc\"", TAG, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"abd\"", "\"ab\"", "\"abcd\"", "abc", "W/abc", "w/\"abc\"", "\"ABC\"", "", " , ",
                "\"x\", \"y\"", "\"abc"})
        void otherTagsDoNotMatch(String header) {
            assertFalse(ETags.matches(header, TAG, true), header);
            assertFalse(ETags.matches(header, TAG, false), header);
        }
    }

    @Nested
    class NotModified {

        private static final String MONDAY_NOON = "Mon, 07 Oct 2024 12:00:00 GMT";
        private static final Date NOON = Date.from(Instant.parse("2024-10-07T12:00:00Z"));

        private final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();

        @Test
        void noConditionalHeadersMeansModified() {
            assertFalse(ETags.notModified(headers, TAG, NOON));
            assertFalse(ETags.notModified(headers, TAG, null));
        }

        @Test
        void ifNoneMatchWithTheTagIsNotModified() {
            headers.putSingle(HttpHeaders.IF_NONE_MATCH, "\"abc\"");
            assertTrue(ETags.notModified(headers, TAG, null));
        }

        @Test
        void ifNoneMatchComparesWeakly() {
            headers.putSingle(HttpHeaders.IF_NONE_MATCH, "\"x\", W/\"abc\"");
            assertTrue(ETags.notModified(headers, TAG, NOON));
        }

        @Test
        void ifNoneMatchStarIsNotModified() {
            headers.putSingle(HttpHeaders.IF_NONE_MATCH, "*");
            assertTrue(ETags.notModified(headers, TAG, NOON));
        }

        @Test
        void ifNoneMatchWinsOverIfModifiedSince() {
            headers.putSingle(HttpHeaders.IF_NONE_MATCH, "\"stale\"");
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, MONDAY_NOON);
            assertFalse(ETags.notModified(headers, TAG, NOON), "a stale tag means modified, whatever the date says");

            headers.putSingle(HttpHeaders.IF_NONE_MATCH, "\"abc\"");
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, "Mon, 07 Oct 2024 11:00:00 GMT");
            assertTrue(ETags.notModified(headers, TAG, NOON), "a current tag means not modified, whatever the date says");
        }

        @Test
        void ifModifiedSinceTheLastModificationOrLaterIsNotModified() {
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, MONDAY_NOON);
            assertTrue(ETags.notModified(headers, TAG, NOON));
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, "Mon, 07 Oct 2024 12:00:01 GMT");
            assertTrue(ETags.notModified(headers, TAG, NOON));
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, "Tue, 08 Oct 2024 00:00:00 GMT");
            assertTrue(ETags.notModified(headers, TAG, NOON));
        }

        @Test
        void ifModifiedSinceBeforeTheLastModificationIsModified() {
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, "Mon, 07 Oct 2024 11:59:59 GMT");
            assertFalse(ETags.notModified(headers, TAG, NOON));
        }

        @Test
        void ifModifiedSinceIsStrippedAndHonoursTheOffset() {
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, "  " + MONDAY_NOON + " ");
            assertTrue(ETags.notModified(headers, TAG, NOON));
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, "Mon, 07 Oct 2024 13:00:00 +0200"); // 11:00 UTC
            assertFalse(ETags.notModified(headers, TAG, NOON));
        }

        @Test
        void ifModifiedSinceWithoutALastModifiedDateIsModified() {
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, MONDAY_NOON);
            assertFalse(ETags.notModified(headers, TAG, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2024-10-07T12:00:00Z", "", "Mon, 32 Oct 2024 12:00:00 GMT"})
        void anUnparsableDateIsIgnored(String date) {
            headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, date);
            assertFalse(ETags.notModified(headers, TAG, NOON));
        }
    }
}
