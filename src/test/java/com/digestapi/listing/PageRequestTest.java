package com.digestapi.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.listing.PageRequest.SortOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order keys a list query gets: every key nulls last, the id last as a tie-breaker; where a page starts. */
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
    void anIdAlreadyInTheSortIsNotRepeatedAndEndsTheOrder() {
        assertEquals(List.of("a.id desc nulls last"), sorted(new SortOrder("a.id", true)).orderKeys("a"));
        // Nothing after a unique key changes the order.
        assertEquals(List.of("a.id asc nulls last"),
                sorted(new SortOrder("a.id", false), new SortOrder("a.headline", false)).orderKeys("a"));
        assertEquals(List.of(new SortOrder("a.id", false)),
                sorted(new SortOrder("a.id", false), new SortOrder("a.headline", false)).keys("a"));
    }

    @Test
    void theKeysAreTheSortAndTheIdAscending() {
        assertEquals(List.of(new SortOrder("a.country", true, true), new SortOrder("a.id", false)),
                sorted(new SortOrder("a.country", true, true)).keys("a"));
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
        assertEquals(60, new PageRequest(3, 20, List.of()).start());
    }

    @Test
    void aCursorPageHasNoOffsetAndStartsAtItsPosition() {
        PageRequest page = PageRequest.at(new Cursor("l", 50, List.of("1")), 20, List.of());
        assertEquals(2, page.page());
        assertEquals(0, page.offset());
        assertEquals(50, page.start());
    }

    @Test
    void numberedPagesReachTheFirstTenThousandItems() {
        assertTrue(PageRequest.reachable(499, 20));
        assertFalse(PageRequest.reachable(500, 20));
        assertTrue(PageRequest.reachable(9_999, 1));
        assertFalse(PageRequest.reachable(100, 100));
        assertFalse(PageRequest.reachable(-1, 20));
        assertEquals(499, PageRequest.lastReachable(20));
        assertEquals(99, PageRequest.lastReachable(100));
    }
}
