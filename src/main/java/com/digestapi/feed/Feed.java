package com.digestapi.feed;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A feed independent of its format: what Atom, RSS and JSON Feed each render. */
public record Feed(String title, String description, URI self, URI home, Instant updated, List<Entry> entries) {

    /** One article as a feed entry. */
    public record Entry(URI id, String title, String summary, String author, Source outlet, URI originalUrl,
                        List<Category> topics, IssueRef issue, Instant published, Instant updated) {
    }

    /** The outlet that published the summarised piece. */
    public record Source(String slug, String name, URI websiteUrl) {
    }

    /** A topic of the entry. */
    public record Category(String slug, String name) {
    }

    /** The digest issue the entry belongs to. */
    public record IssueRef(long id, String slug, String title, LocalDate publishedOn, URI url) {
    }
}
