package com.digestapi.feed;

import com.digestapi.article.ArticleService;
import com.digestapi.article.ArticleView;
import com.digestapi.issue.Issue;
import com.digestapi.outlet.Outlet;
import com.digestapi.topic.Topic;
import com.digestapi.web.ApiPaths;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Assembles a feed of the newest published articles, in a fixed number of statements. */
@ApplicationScoped
public class FeedService {

    private final ArticleService articles;
    private final String title;
    private final String description;

    FeedService(ArticleService articles,
                @ConfigProperty(name = "digest.feed.title") String title,
                @ConfigProperty(name = "digest.feed.description") String description) {
        this.articles = articles;
        this.title = title;
        this.description = description;
    }

    public Feed feed(FeedQuery query, URI baseUri, URI self) {
        // Newest issue first, then the issue's own order; no count: a feed shows no total.
        List<ArticleView> items = articles.newest(query.topics(), query.outlets(), query.limit());
        Map<Long, Issue> issues = byId(Issue.<Issue>list("id in ?1",
                ids(items, ArticleView::issueId)), i -> i.id);
        Map<Long, Outlet> outlets = byId(Outlet.<Outlet>list("id in ?1",
                ids(items, a -> a.outlet().id())), o -> o.id);
        List<Feed.Entry> entries = new ArrayList<>();
        for (ArticleView article : items) {
            Issue issue = issues.get(article.issueId());
            Outlet outlet = outlets.get(article.outlet().id());
            entries.add(new Feed.Entry(
                    ApiPaths.v1(baseUri, "/articles/" + article.id()),
                    article.headline(),
                    article.summary(),
                    article.author(),
                    new Feed.Source(outlet.slug, outlet.name, outlet.websiteUrl == null ? null : URI.create(outlet.websiteUrl)),
                    article.originalUrl() == null ? null : URI.create(article.originalUrl()),
                    article.topics().stream().map(t -> new Feed.Category(t.slug(), t.name())).toList(),
                    new Feed.IssueRef(issue.id, issue.slug, issue.title, issue.publishedOn,
                            ApiPaths.v1(baseUri, "/issues/" + issue.id)),
                    issue.publishedOn.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    article.updatedAt()));
        }
        Instant updated = Stream.concat(entries.stream().map(Feed.Entry::updated), issues.values().stream().map(i -> i.updatedAt))
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return new Feed(titleFor(query), description, self, ApiPaths.v1(baseUri, "/articles"), updated, entries);
    }

    /** "Foreign media digest — Nuclear energy, Nikkei Asia": the feed says what it is filtered by. */
    private String titleFor(FeedQuery query) {
        List<String> names = new ArrayList<>();
        names.addAll(namesOf(Topic.class, query.topics()));
        names.addAll(namesOf(Outlet.class, query.outlets()));
        return names.isEmpty() ? title : title + " — " + String.join(", ", names);
    }

    private static List<String> namesOf(Class<?> entity, List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = Topic.getEntityManager()
                .createQuery("select e.slug, e.name from " + entity.getSimpleName() + " e where e.slug in :slugs",
                        Object[].class)
                .setParameter("slugs", slugs).getResultStream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
        return slugs.stream().map(s -> names.getOrDefault(s, s)).toList();
    }

    private static <T> Set<Long> ids(Collection<T> items, Function<T, Long> id) {
        Set<Long> ids = items.stream().map(id).collect(Collectors.toSet());
        return ids.isEmpty() ? Set.of(-1L) : ids;
    }

    private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
