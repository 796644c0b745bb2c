package com.digestapi.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A cursor travels in a URL as it is, comes back exactly, and an edited or made-up one is refused. */
class CursorTest {

    private static final Pattern UNRESERVED = Pattern.compile("^[A-Za-z0-9._~-]+$");

    @Test
    void aCursorComesBackExactlyAndNeedsNoEscaping() {
        List<String> keys = new ArrayList<>(Arrays.asList("2024-10-05", "2024-10-05T10:15:30.123456Z", null,
                "Türkiye & Central Asia \"riding\" — 漢字 😀", "\uD800 a lone surrogate", "", "9223372036854775807"));
        Cursor cursor = new Cursor("AbC_-123", 1_234_567, keys);
        String text = cursor.encode();
        assertTrue(UNRESERVED.matcher(text).matches(), text);
        assertEquals(cursor, Cursor.decode(text));
        assertEquals(keys, Cursor.decode(text).keys());
    }

    @Test
    void anyChangedCharacterIsRefused() {
        String text = new Cursor("list", 40, List.of("2024-10-05", "17")).encode();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            for (char other : new char[] {'A', 'z', '0', '-', '_', '.'}) {
                if (other == c) {
                    continue;
                }
                String changed = text.substring(0, i) + other + text.substring(i + 1);
                try {
                    assertEquals(Cursor.decode(text), Cursor.decode(changed), "a change that decodes must mean nothing");
                } catch (IllegalArgumentException refused) {
                    // what nearly every change gets
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text.substring(0, text.length() - 1)));
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text + "A"));
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : List.of("", ".", "abc", "abc.def", "a.bcdefghijklm", "%00", "eyJ9.AAAAAAAAAAAA",
                "x".repeat(Cursor.MAX_LENGTH + 1), "' or 1=1 --", "../..", "\u0000", "a b.cdefghijklmn")) {
            assertThrows(IllegalArgumentException.class, () -> Cursor.decode(garbage), garbage);
        }
    }

    @Test
    void aWellFormedCursorWithImpossibleFieldsIsRefused() {
        for (Cursor impossible : List.of(new Cursor("l", -1, List.of("1")), new Cursor("l", 1L << 40, List.of("1")),
                new Cursor("l", 0, List.of()), new Cursor("l", 0, java.util.Collections.nCopies(21, "1")))) {
            String text = impossible.encode();
            assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text), impossible::toString);
        }
    }

    @Test
    void theJsonInsideIsSmallAndPlain() {
        String text = new Cursor("list", 40, List.of("2024-10-05", "17")).encode();
        String json = new String(Base64.getUrlDecoder().decode(text.substring(0, text.indexOf('.'))));
        assertEquals("{\"l\":\"list\",\"p\":40,\"k\":[\"2024-10-05\",\"17\"]}", json);
    }
}
