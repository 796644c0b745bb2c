package com.digestapi.feed;

import com.digestapi.web.PortableValues;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Renders a {@link Feed} as Atom 1.0 and RSS 2.0 (with Rome) or as JSON Feed 1.1 (records for Jackson). */
final class FeedFormats {

    static final String ATOM = "application/atom+xml";
    static final String RSS = "application/rss+xml";
    static final String JSON_FEED = "application/feed+json";
    /** The namespace of Atom tombstones (RFC 6721). */
    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");

    private FeedFormats() {
    }

    static String atom(Feed feed) {
        return xml(feed, "atom_1.0", ATOM);
    }

    static String rss(Feed feed) {
        return xml(feed, "rss_2.0", RSS);
    }

    private static String xml(Feed feed, String type, String selfType) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(type);
        syndFeed.setTitle(text(feed.title()));
        syndFeed.setDescription(text(feed.description()));
        syndFeed.setUri(feed.self().toString());
        syndFeed.setLink(feed.home().toString());
        syndFeed.setLinks(List.of(link("alternate", feed.home(), "application/json"), link("self", feed.self(), selfType)));
        syndFeed.setPublishedDate(Date.from(feed.updated()));
        syndFeed.setLanguage("en");
        List<SyndEntry> entries = new ArrayList<>();
        for (Feed.Entry entry : feed.entries()) {
            entries.add(entry(entry, type.startsWith("rss")));
        }
        syndFeed.setEntries(entries);
        if (!type.startsWith("rss")) {
            syndFeed.setForeignMarkup(feed.removals().stream().map(FeedFormats::deletedEntry).toList());
        }
        try {
            return new SyndFeedOutput().outputString(syndFeed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("feed could not be rendered", e);
        }
    }

    private static SyndEntry entry(Feed.Entry entry, boolean rss) {
        SyndEntry syndEntry = new SyndEntryImpl();
        syndEntry.setUri(entry.id().toString());
        syndEntry.setTitle(text(entry.title()));
        URI alternate = entry.originalUrl() != null ? entry.originalUrl() : entry.id();
        syndEntry.setLink(alternate.toString());
        List<SyndLink> links = new ArrayList<>();
        links.add(link("alternate", alternate, null));
        links.add(link("related", entry.issue().url(), "application/json"));
        syndEntry.setLinks(links);
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(text(entry.summary()));
        syndEntry.setDescription(summary);
        SyndPerson author = new SyndPersonImpl();
        author.setName(authorOf(entry));
        if (entry.outlet().websiteUrl() != null) {
            author.setUri(entry.outlet().websiteUrl().toString());
        }
        syndEntry.setAuthors(List.of(author));
        syndEntry.setAuthor(author.getName());
        List<SyndCategory> categories = new ArrayList<>();
        for (Feed.Category topic : entry.topics()) {
            categories.add(category(text(topic.name()), null));
        }
        categories.add(category(text(entry.issue().title()) + " " + entry.issue().publishedOn(), entry.issue().url()));
        syndEntry.setCategories(categories);
        syndEntry.setPublishedDate(Date.from(entry.published()));
        syndEntry.setUpdatedDate(Date.from(entry.updated()));
        if (!rss || entry.outlet().websiteUrl() != null) {
            // RSS requires a url on <source>; Atom's <source> names the outlet either way.
            SyndFeed source = new SyndFeedImpl();
            source.setTitle(text(entry.outlet().name()));
            if (entry.outlet().websiteUrl() != null) {
                source.setLink(entry.outlet().websiteUrl().toString());
                source.setUri(entry.outlet().websiteUrl().toString());
            }
            syndEntry.setSource(source);
        }
        return syndEntry;
    }

    /**
     * An RFC 6721 tombstone: {@code <at:deleted-entry ref="entry id" when="...">} with the reason as its comment. RSS
     * and JSON Feed have no such element; their Last-Modified moves all the same.
     */
    private static Element deletedEntry(Feed.Removal removal) {
        Element deleted = new Element("deleted-entry", TOMBSTONES);
        deleted.setAttribute("ref", removal.id().toString());
        deleted.setAttribute("when", removal.when().toString());
        Element comment = new Element("comment", TOMBSTONES);
        comment.setText(removal.reason());
        deleted.addContent(comment);
        return deleted;
    }

    private static SyndLink link(String rel, URI href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href.toString());
        link.setType(type);
        return link;
    }

    private static SyndCategory category(String name, URI scheme) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        if (scheme != null) {
            category.setTaxonomyUri(scheme.toString());
        }
        return category;
    }

    static JsonFeed json(Feed feed) {
        List<JsonFeed.Item> items = feed.entries().stream().map(e -> new JsonFeed.Item(
                e.id().toString(),
                e.id().toString(),
                e.originalUrl() == null ? null : e.originalUrl().toString(),
                text(e.title()),
                text(e.summary()),
                e.published(),
                e.updated(),
                List.of(new JsonFeed.Author(authorOf(e),
                        e.outlet().websiteUrl() == null ? null : e.outlet().websiteUrl().toString())),
                e.topics().stream().map(t -> text(t.name())).toList(),
                new JsonFeed.Digest(
                        new JsonFeed.Outlet(e.outlet().slug(), text(e.outlet().name())),
                        e.topics().stream().map(Feed.Category::slug).toList(),
                        new JsonFeed.Issue(e.issue().id(), e.issue().slug(), text(e.issue().title()), e.issue().publishedOn(),
                                e.issue().url().toString())))).toList();
        return new JsonFeed("https://jsonfeed.org/version/1.1", text(feed.title()), feed.home().toString(),
                feed.self().toString(), text(feed.description()), "en", items);
    }

    private static String authorOf(Feed.Entry entry) {
        String outlet = text(entry.outlet().name());
        return entry.author() != null ? text(entry.author()) + " (" + outlet + ")" : outlet;
    }

    /**
     * Every text a feed shows, in every format alike: rows written before input was checked, or by SQL, may hold
     * characters XML cannot carry, and Rome would fail the whole feed on one of them.
     */
    private static String text(String stored) {
        return PortableValues.xmlSafe(stored);
    }

    /** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); the digest's own fields sit in the "_digest" extension. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String description, String language, List<Item> items) {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Item(String id, String url, @JsonProperty("external_url") String externalUrl, String title,
                    @JsonProperty("content_text") String contentText,
                    @JsonProperty("date_published") Instant datePublished,
                    @JsonProperty("date_modified") Instant dateModified, List<Author> authors, List<String> tags,
                    @JsonProperty("_digest") Digest digest) {
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Author(String name, String url) {
        }

        record Digest(Outlet outlet, List<String> topics, Issue issue) {
        }

        record Outlet(String slug, String name) {
        }

        record Issue(long id, String slug, String title, LocalDate publishedOn, String url) {
        }
    }
}
