package com.digestapi.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.digestapi.listing.PageRequest.SortOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ORDER BY a list query gets: every key nulls last, the id last as a tie-breaker, an optional constant lead. */
class PageRequestTest {

    private static PageRequest sorted(SortOrder... orders) {
        return new PageRequest(0, 20, List.of(orders));
    }

    @Test
    void eachKeyHasItsDirectionAndNullsLastAndTheIdEndsTheOrder() {
        assertEquals(" order by a.publishedOn desc nulls last, a.headline asc nulls last, a.id",
                sorted(new SortOrder("a.publishedOn", true), new SortOrder("a.headline", false)).orderBy("a"));
    }

    @Test
    void anIdAlreadyInTheSortIsNotRepeated() {
        assertEquals(" order by a.id desc nulls last", sorted(new SortOrder("a.id", true)).orderBy("a"));
        assertEquals(" order by a.id asc nulls last, a.headline asc nulls last",
                sorted(new SortOrder("a.id", false), new SortOrder("a.headline", false)).orderBy("a"));
    }

    @Test
    void theIdOfAnotherAliasDoesNotCount() {
        assertEquals(" order by b.id asc nulls last, a.id", sorted(new SortOrder("b.id", false)).orderBy("a"));
    }

    @Test
    void noSortOrdersById() {
        assertEquals(" order by a.id", sorted().orderBy("a"));
    }

    @Test
    void aLeadingKeyComesFirst() {
        PageRequest led = sorted(new SortOrder("a.publishedOn", true)).ledBy("a.published");
        assertEquals(" order by a.published, a.publishedOn desc nulls last, a.id", led.orderBy("a"));
        assertEquals(" order by a.published, a.id", sorted().ledBy("a.published").orderBy("a"));
        assertEquals(" order by a.published, a.id desc nulls last",
                sorted(new SortOrder("a.id", true)).ledBy("a.published").orderBy("a"));
    }

    @Test
    void ledByKeepsPageSizeAndSort() {
        PageRequest request = new PageRequest(4, 25, List.of(new SortOrder("a.headline", false)));
        PageRequest led = request.ledBy("a.published");
        assertEquals(new PageRequest(4, 25, request.sort(), "a.published"), led);
        assertEquals(null, request.leadingKey());
        assertEquals(100, led.offset());
    }

    @Test
    void offsetIsPageTimesSize() {
        assertEquals(0, new PageRequest(0, 20, List.of()).offset());
        assertEquals(60, new PageRequest(3, 20, List.of()).offset());
    }
}
