package com.digestapi.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Slugs.slugify: readable, URL-safe, bounded. (Slugs.unique needs a database and is covered by the resource tests.) */
class SlugsTest {

    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Türkiye & Central Asia!   | turkiye-central-asia",
            "Élysée Café crème brûlée  | elysee-cafe-creme-brulee",
            "Dvořák in São Paulo       | dvorak-in-sao-paulo",
            "Straße                    | strasse",
            "Kırıkkale                 | kirikkale",
            "İstanbul                  | istanbul",
            "smørrebrød                | smorrebrod",
            "læsø                      | laeso",
            "gdańsk łódź               | gdansk-lodz",
            "đoković                   | dokovic",
            "Łódź                      | lodz",
            "ØRESUND Æbeltoft          | oresund-aebeltoft",
            "Đoković                   | dokovic",
            "Œuvre Þórsmörk Ðóra       | oeuvre-thorsmork-dora",
            "ﬁnance ½                  | finance-1-2",
            "2024 Q3 Report            | 2024-q3-report",
            "Bernard-Henri Lévy        | bernard-henri-levy",
            "--Already--a--slug--      | already-a-slug",
            "ALL CAPS                  | all-caps",
    })
    void lettersAreFoldedToAsciiAndEverythingElseBecomesSingleHyphens(String text, String slug) {
        assertEquals(slug, Slugs.slugify(text, "fallback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Children's Day", "Children’s Day", "Children`s Day"})
    void apostrophesAreDroppedNotTurnedIntoHyphens(String text) {
        assertEquals("childrens-day", Slugs.slugify(text, "fallback"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "!!!", " -- ", "日本語", "Москва", "'’`"})
    void textWithoutLatinLettersOrDigitsGivesTheFallback(String text) {
        assertEquals("item", Slugs.slugify(text, "item"));
    }

    @Test
    void longTextIsCutAtTheLastHyphenWithin80Characters() {
        String text = "The quick brown fox jumps over the lazy dog while the committee deliberates on the budget for next year";
        String slug = Slugs.slugify(text, "x");
        assertEquals("the-quick-brown-fox-jumps-over-the-lazy-dog-while-the-committee-deliberates-on", slug);
        assertEquals(78, slug.length());
    }

    @Test
    void aLongWordWithNoHyphenInItsSecondHalfIsCutAt80Characters() {
        assertEquals("a".repeat(80), Slugs.slugify("a".repeat(100), "x"));
        String text = "ab " + "c".repeat(97);
        assertEquals("ab-" + "c".repeat(77), Slugs.slugify(text, "x"));
    }

    @Test
    void textOf80CharactersIsNotCut() {
        String text = "word ".repeat(15) + "words"; // 80 characters
        assertEquals(("word-".repeat(15) + "words"), Slugs.slugify(text, "x"));
    }

    @Test
    void everySlugMatchesThePatternAndFitsTheMaximum() {
        String[] samples = {"Türkiye & Central Asia!", "a".repeat(500), "x " .repeat(300), "-a-", "Ω Ä ø ß 9",
                "The quick brown fox jumps over the lazy dog while the committee deliberates on the budget for next year"};
        for (String sample : samples) {
            String slug = Slugs.slugify(sample, "fallback");
            assertTrue(SLUG.matcher(slug).matches(), slug);
            assertTrue(slug.length() <= 80 && slug.length() <= Slugs.MAX_LENGTH, slug);
            assertFalse(slug.endsWith("-"), slug);
        }
    }

    @Test
    void thePatternAcceptsSlugsAndRejectsTheRest() {
        assertTrue(SLUG.matcher("a").matches());
        assertTrue(SLUG.matcher("turkiye-central-asia-2").matches());
        assertFalse(SLUG.matcher("Turkiye").matches());
        assertFalse(SLUG.matcher("a--b").matches());
        assertFalse(SLUG.matcher("-a").matches());
        assertFalse(SLUG.matcher("a-").matches());
        assertFalse(SLUG.matcher("").matches());
    }
}
