package com.digestapi.feed;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A feed independent of its format: what Atom, RSS and JSON Feed each render.
 *
 * @param updated  when its content last changed, removals included: never earlier than a change a reader could see
 * @param removals articles readers lost lately, newest first (Atom carries them as RFC 6721 tombstones)
 */
public record Feed(String title, String description, URI self, URI home, Instant updated, List<Entry> entries,
                   List<Removal> removals) {

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

    /** An entry readers no longer see: its id, when, and why (deleted, unpublished, withdrawn). */
    public record Removal(URI id, Instant when, String reason) {
    }
}
