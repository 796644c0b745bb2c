package com.digestapi.feed;

import com.digestapi.article.ArticleQueries;
import com.digestapi.article.ArticleView;
import com.digestapi.article.FilterSlugs;
import com.digestapi.changelog.ChangeLog;
import com.digestapi.config.DigestConfig;
import com.digestapi.issue.IssueSummaries;
import com.digestapi.outlet.OutletService;
import com.digestapi.web.ApiPaths;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Assembles a feed of the newest published articles, in a fixed number of statements. */
@ApplicationScoped
public class FeedService {

    /** How long a feed lists an article readers lost. */
    static final Duration REMOVALS_SHOWN = Duration.ofDays(30);

    private final ArticleQueries articles;
    private final IssueSummaries issueSummaries;
    private final OutletService outletService;
    private final ChangeLog changeLog;
    private final String title;
    private final String description;

    FeedService(ArticleQueries articles, IssueSummaries issueSummaries, OutletService outletService,
                ChangeLog changeLog, DigestConfig config) {
        this.articles = articles;
        this.issueSummaries = issueSummaries;
        this.outletService = outletService;
        this.changeLog = changeLog;
        this.title = config.feed().title();
        this.description = config.feed().description();
    }

    public Feed feed(FeedQuery query, URI baseUri, URI self) {
        // A topic or outlet renamed since the feed was subscribed to is still the one it names.
        FilterSlugs slugs = articles.filterSlugs(query.topics(), query.outlets());
        // Newest issue first, then the issue's own order; no count: a feed shows no total.
        List<ArticleView> items = articles.newest(slugs, query.limit());
        Map<Long, IssueSummaries.Summary> issues = issueSummaries.byIds(ids(items, ArticleView::issueId));
        Map<Long, OutletService.Summary> outlets = outletService.summaries(ids(items, a -> a.outlet().id()));
        List<Feed.Entry> entries = new ArrayList<>();
        for (ArticleView article : items) {
            IssueSummaries.Summary issue = issues.get(article.issueId());
            OutletService.Summary outlet = outlets.get(article.outlet().id());
            if (issue == null || outlet == null) {
                // Deleted after the articles were read (each statement sees what was committed when it started).
                continue;
            }
            entries.add(new Feed.Entry(
                    ApiPaths.v1(baseUri, "/articles/" + article.id()),
                    article.headline(),
                    article.summary(),
                    article.author(),
                    new Feed.Source(outlet.slug(), outlet.name(),
                            outlet.websiteUrl() == null ? null : URI.create(outlet.websiteUrl())),
                    article.originalUrl() == null ? null : URI.create(article.originalUrl()),
                    article.topics().stream().map(t -> new Feed.Category(t.slug(), t.name())).toList(),
                    new Feed.IssueRef(issue.id(), issue.slug(), issue.title(), issue.publishedOn(),
                            ApiPaths.v1(baseUri, "/issues/" + issue.id())),
                    issue.publishedOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    article.updatedAt()));
        }
        // Whatever a feed's entries are, the newest public change moves its date: an entry that left it (deleted,
        // unpublished, moved out of its filter) takes its own date along, and If-Modified-Since must not hide that.
        Instant updated = Stream.of(entries.stream().map(Feed.Entry::updated),
                        issues.values().stream().map(IssueSummaries.Summary::updatedAt),
                        changeLog.lastChange().stream())
                .flatMap(dates -> dates)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        // Every article readers lost lately, in every feed: whether a removed one matched a filter is no longer known,
        // and a reader ignores a tombstone of an entry it never had (RFC 6721).
        List<Feed.Removal> removals = changeLog.removedArticles(Instant.now().minus(REMOVALS_SHOWN), query.limit())
                .stream().map(removed -> new Feed.Removal(ApiPaths.v1(baseUri, "/articles/" + removed.id()),
                        removed.at(), removed.reason()))
                .toList();
        return new Feed(titleFor(slugs), description, self, ApiPaths.v1(baseUri, "/articles"), updated, entries,
                removals);
    }

    /**
     * "Foreign media digest — Nuclear energy, Nikkei Asia": the feed says what it is filtered by, topics then outlets in
     * the query's order, by their names now; an unknown slug stands for itself.
     */
    private String titleFor(FilterSlugs slugs) {
        return slugs.names().isEmpty() ? title : title + " — " + String.join(", ", slugs.names());
    }

    private static Set<Long> ids(Collection<ArticleView> items, Function<ArticleView, Long> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }
}
