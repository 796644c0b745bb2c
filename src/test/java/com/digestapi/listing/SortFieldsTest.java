package com.digestapi.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.digestapi.listing.PageRequest.SortOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of the sort parameter against a list's allowed fields. */
class SortFieldsTest {

    private static final SortFields FIELDS = SortFields.of("a", "-publishedOn", "publishedOn", "headline", "id");

    private final List<String> unknown = new ArrayList<>();

    private static SortOrder asc(String path) {
        return new SortOrder(path, false);
    }

    private static SortOrder desc(String path) {
        return new SortOrder(path, true);
    }

    @Test
    void ofMapsEachApiNameToTheAliasedPathInDeclarationOrder() {
        assertEquals(List.of("publishedOn", "headline", "id"), List.copyOf(FIELDS.paths().keySet()));
        assertEquals(List.of("a.publishedOn", "a.headline", "a.id"), List.copyOf(FIELDS.paths().values()));
        assertEquals("-publishedOn", FIELDS.defaultSort());
    }

    @Test
    void minusMeansDescendingAndNoPrefixAscending() {
        assertEquals(List.of(desc("a.publishedOn"), asc("a.headline")), FIELDS.parse("-publishedOn,headline", unknown));
        assertEquals(List.of(), unknown);
    }

    @Test
    void plusMeansAscending() {
        assertEquals(List.of(asc("a.headline"), desc("a.id")), FIELDS.parse("+headline,-id", unknown));
        assertEquals(List.of(), unknown);
    }

    @Test
    void tokensAreTrimmed() {
        assertEquals(List.of(desc("a.publishedOn"), asc("a.headline")), FIELDS.parse(" -publishedOn , headline ", unknown));
        assertEquals(List.of(), unknown);
    }

    @Test
    void aRepeatedFieldKeepsItsFirstDirection() {
        assertEquals(List.of(asc("a.headline"), desc("a.publishedOn")),
                FIELDS.parse("headline,-publishedOn,-headline,+headline,publishedOn", unknown));
        assertEquals(List.of(), unknown);
    }

    @Test
    void unknownFieldsAreCollectedWithoutPrefixAndKnownOnesStillParsed() {
        assertEquals(List.of(asc("a.headline")), FIELDS.parse("-nope,headline,+bogus,nope", unknown));
        assertEquals(List.of("nope", "bogus", "nope"), unknown);
    }

    @Test
    void namesAreCaseSensitive() {
        assertEquals(List.of(), FIELDS.parse("Headline,PUBLISHEDON", unknown));
        assertEquals(List.of("Headline", "PUBLISHEDON"), unknown);
    }

    @Test
    void onlyOnePrefixIsAllowed() {
        assertEquals(List.of(), FIELDS.parse("--headline,+-id,-+id", unknown));
        assertEquals(List.of("-headline", "-id", "+id"), unknown);
    }

    @Test
    void emptyTokensAreUnknownFields() {
        assertEquals(List.of(asc("a.headline")), FIELDS.parse("headline,,", unknown));
        assertEquals(List.of("", ""), unknown);
        unknown.clear();
        assertEquals(List.of(), FIELDS.parse("-", unknown));
        assertEquals(List.of(""), unknown);
    }

    @Test
    void theAliasedPathIsNotAnApiName() {
        assertEquals(List.of(), FIELDS.parse("a.headline", unknown));
        assertEquals(List.of("a.headline"), unknown);
    }

    @Test
    void nullableFieldsGiveNullableSortOrders() {
        SortFields outlets = SortFields.of("o", "name", "name", "country").nullable("country");
        assertEquals(List.of(new SortOrder("o.country", true, true), new SortOrder("o.name", false, false)),
                outlets.parse("-country,name", unknown));
        assertEquals(java.util.Set.of("o.country"), outlets.nullablePaths());
    }
}
