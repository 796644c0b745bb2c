package com.digestapi.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.digestapi.listing.PageRequest.SortOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order keys a list query gets: every key nulls last, the id last as a tie-breaker. */
class PageRequestTest {

    private static PageRequest sorted(SortOrder... orders) {
        return new PageRequest(0, 20, List.of(orders));
    }

    @Test
    void eachKeyHasItsDirectionAndNullsLastAndTheIdEndsTheOrder() {
        assertEquals(List.of("a.publishedOn desc nulls last", "a.headline asc nulls last", "a.id"),
                sorted(new SortOrder("a.publishedOn", true), new SortOrder("a.headline", false)).orderKeys("a"));
    }

    @Test
    void anIdAlreadyInTheSortIsNotRepeated() {
        assertEquals(List.of("a.id desc nulls last"), sorted(new SortOrder("a.id", true)).orderKeys("a"));
        assertEquals(List.of("a.id asc nulls last", "a.headline asc nulls last"),
                sorted(new SortOrder("a.id", false), new SortOrder("a.headline", false)).orderKeys("a"));
    }

    @Test
    void theIdOfAnotherAliasDoesNotCount() {
        assertEquals(List.of("b.id asc nulls last", "a.id"), sorted(new SortOrder("b.id", false)).orderKeys("a"));
    }

    @Test
    void noSortOrdersById() {
        assertEquals(List.of("a.id"), sorted().orderKeys("a"));
    }

    @Test
    void offsetIsPageTimesSize() {
        assertEquals(0, new PageRequest(0, 20, List.of()).offset());
        assertEquals(60, new PageRequest(3, 20, List.of()).offset());
    }
}
