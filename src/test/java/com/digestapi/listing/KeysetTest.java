package com.digestapi.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.digestapi.listing.PageRequest.SortOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keyset condition of a cursor page over the order's keys, missing values last, and the keys' text form. */
class KeysetTest {

    private static final SortOrder PUBLISHED_DESC = new SortOrder("a.publishedOn", true);
    private static final SortOrder COUNTRY_ASC = new SortOrder("o.country", false, true);
    private static final SortOrder COUNTRY_DESC = new SortOrder("o.country", true, true);

    private static String after(List<SortOrder> keys, Object... values) {
        return Keyset.after(keys, Arrays.asList(values), new HashMap<>());
    }

    @Test
    void aDescendingKeyAndTheIdStartFromARangeOfTheFirstKey() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        LocalDate day = LocalDate.parse("2024-10-05");
        assertEquals("a.publishedOn <= :after0 and (a.publishedOn < :after0 or (a.publishedOn = :after0 and a.id > :after1))",
                Keyset.after(List.of(PUBLISHED_DESC, new SortOrder("a.id", false)), List.of(day, 7L), parameters));
        assertEquals(Map.of("after0", day, "after1", 7L), parameters);
    }

    @Test
    void theIdAloneNeedsNoRange() {
        assertEquals("a.id < :after0", after(List.of(new SortOrder("a.id", true)), 7L));
    }

    @Test
    void afterAValueOfANullableKeyComeGreaterValuesThenTheMissingOnesInEitherDirection() {
        assertEquals("(o.country >= :after0 or o.country is null) and ((o.country > :after0 or o.country is null)"
                        + " or (o.country = :after0 and o.id > :after1))",
                after(List.of(COUNTRY_ASC, new SortOrder("o.id", false)), "JP", 7L));
        assertEquals("(o.country <= :after0 or o.country is null) and ((o.country < :after0 or o.country is null)"
                        + " or (o.country = :after0 and o.id > :after1))",
                after(List.of(COUNTRY_DESC, new SortOrder("o.id", false)), "JP", 7L));
    }

    @Test
    void afterAMissingValueComeOnlyOtherMissingOnesInTheOrderOfTheNextKeys() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        assertEquals("o.country is null and (o.country is null and o.id > :after1)",
                Keyset.after(List.of(COUNTRY_ASC, new SortOrder("o.id", false)), Arrays.asList(null, 7L), parameters));
        assertEquals(Map.of("after1", 7L), parameters);
        assertEquals("o.country is null and ((o.country is null and (o.language > :after1 or o.language is null))"
                        + " or (o.country is null and o.language = :after1 and o.id > :after2))",
                after(List.of(COUNTRY_DESC, new SortOrder("o.language", false, true), new SortOrder("o.id", false)),
                        null, "en", 7L));
    }

    @Test
    void valuesGoToTextAndBackExactly() {
        Instant instant = Instant.parse("2024-10-05T10:15:30.123456Z");
        assertEquals(instant, Keyset.value(Keyset.text(instant), Instant.class));
        LocalDate date = LocalDate.parse("0001-01-01");
        assertEquals(date, Keyset.value(Keyset.text(date), LocalDate.class));
        assertEquals(Long.MAX_VALUE, Keyset.value(Keyset.text(Long.MAX_VALUE), Long.class));
        assertEquals(3, Keyset.value(Keyset.text(3), int.class));
        assertEquals("Türkiye", Keyset.value(Keyset.text("Türkiye"), String.class));
        assertEquals(null, Keyset.value(Keyset.text(null), Instant.class));
    }

    @Test
    void textThatIsNoValueOfTheTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Keyset.value("2024-13-45", LocalDate.class));
        assertThrows(IllegalArgumentException.class, () -> Keyset.value("yesterday", Instant.class));
        assertThrows(IllegalArgumentException.class, () -> Keyset.value("1.5", Long.class));
        assertThrows(IllegalArgumentException.class, () -> Keyset.value("99999999999999999999", Long.class));
        assertThrows(IllegalArgumentException.class, () -> Keyset.value("", Integer.class));
    }
}
