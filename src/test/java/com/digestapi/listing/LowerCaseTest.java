package com.digestapi.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Search text and q fold case alike, as the JDK does, but in linear time whatever the text. */
class LowerCaseTest {

    @Test
    void foldsLikeTheJdkInEveryDayText() {
        for (String text : List.of("Kazakhstan's NUCLEAR Plant", "İstanbul and IZMIR", "ΟΔΟΣ ΣΟΦΟΣ. ΣΑΣ", "Σ",
                "Straße ÀÉÎ", "😀 Emoji 𐐀", "ǅ ǈ Ϊ", "")) {
            assertEquals(text.toLowerCase(Locale.ROOT), ListQuery.lowerCase(text), text);
        }
    }

    @Test
    void textFullOfCharactersTheJdkFoldsSlowlyTakesLinearTime() {
        // String.toLowerCase needs seconds to minutes for these; the whole article body's worth must stay quick.
        String dotted = "İ".repeat(60_000);
        String sigmas = "Σ".repeat(60_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals(120_000, ListQuery.lowerCase(dotted).length());
            assertEquals("σ".repeat(59_999) + "ς", ListQuery.lowerCase(sigmas));
        });
    }
}
