package com.digestapi.sync;

import com.digestapi.article.ArticleQueries;
import com.digestapi.article.ArticleView;
import com.digestapi.changelog.ChangeLog;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.issue.IssueService;
import com.digestapi.issue.IssueView;
import com.digestapi.outlet.OutletService;
import com.digestapi.outlet.OutletView;
import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import com.digestapi.topic.TopicService;
import com.digestapi.topic.TopicView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Answers sync requests from the public change log and the features' public views, in a fixed number of statements
 * whatever the page size. An initial sync walks every public resource by type, then id, and ends with a sync token of
 * the change set that was the newest when it started; anything that changed meanwhile comes again in the first delta
 * (an upsert twice is harmless). A delta walks the log's latest change of each resource after the token up to the
 * newest change set when the delta started, and gives each resource as readers see it now: its current view, or a
 * tombstone.
 */
@ApplicationScoped
public class SyncService {

    /** One kind of resource as a sync reads it: public views by id, and in id order after an id. */
    private record Source(Function<Collection<Long>, List<?>> byIds, BiFunction<Long, Integer, List<?>> after,
                          ToLongFunction<Object> id) {
    }

    private final ChangeLog log;
    private final Map<ResourceKind, Source> sources = new EnumMap<>(ResourceKind.class);

    SyncService(ChangeLog log, ArticleQueries articles, IssueService issues, OutletService outlets,
                TopicService topics) {
        this.log = log;
        sources.put(ResourceKind.ARTICLE, new Source(articles::publicViews, articles::publicViewsAfter,
                view -> ((ArticleView) view).id()));
        sources.put(ResourceKind.ISSUE, new Source(issues::publicViews, issues::publicViewsAfter,
                view -> ((IssueView) view).id()));
        sources.put(ResourceKind.OUTLET, new Source(outlets::publicViews, outlets::publicViewsAfter,
                view -> ((OutletView) view).id()));
        sources.put(ResourceKind.TOPIC, new Source(topics::publicViews, topics::publicViewsAfter,
                view -> ((TopicView) view).id()));
    }

    /**
     * The page the token asks for, or the first page of an initial sync without one.
     *
     * @param types the types the request names, or null
     */
    public SyncPage page(Set<ResourceKind> types, SyncToken token, int size) {
        if (token == null) {
            Set<ResourceKind> kinds = types == null ? EnumSet.allOf(ResourceKind.class) : types;
            return initial(kinds, log.head(), kinds.iterator().next(), 0, size);
        }
        if (types != null && !types.equals(token.types())) {
            throw ProblemException.invalid("types", "must be left out or be the types the token was made for ("
                    + SyncToken.codes(token.types()) + ")");
        }
        return switch (token.mode()) {
            case SYNC -> {
                requireStanding(token.from(), null);
                ChangeLog.Point head = log.head();
                yield head.version() == token.from().version() ? SyncPage.caughtUp(List.of(), token)
                        : delta(token.types(), token.from(), head, null, size);
            }
            case INITIAL -> {
                requireStanding(token.to(), null);
                yield initial(token.types(), token.to(), token.after().kind(), token.after().id(), size);
            }
            case DELTA -> {
                requireStanding(token.from(), token.to());
                yield delta(token.types(), token.from(), token.to(), token.after(), size);
            }
        };
    }

    private void requireStanding(ChangeLog.Point from, ChangeLog.Point to) {
        switch (log.standing(from, to)) {
            case CURRENT -> {
            }
            case EXPIRED -> throw new ProblemException(ProblemType.GONE, "The token is older than the change"
                    + " history kept (tombstones are kept for digest.sync.retention); start a new initial sync without a"
                    + " token.");
            case FOREIGN -> throw new ProblemException(ProblemType.GONE, "The token was made by another database, or"
                    + " before a restore of this one; start a new initial sync without a token.");
        }
    }

    /** Public resources by type, then id, from the given kind after the given id; complete up to {@code to}. */
    private SyncPage initial(Set<ResourceKind> types, ChangeLog.Point to, ResourceKind from, long afterId, int size) {
        List<ResourceKind> kinds = types.stream().filter(kind -> kind.compareTo(from) >= 0).toList();
        List<SyncItem> items = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            ResourceKind kind = kinds.get(k);
            Source source = sources.get(kind);
            int room = size - items.size();
            List<?> views = source.after().apply(kind == from ? afterId : 0L, room + 1);
            for (Object view : views.subList(0, Math.min(room, views.size()))) {
                items.add(SyncUpsert.of(kind, source.id().applyAsLong(view), view));
            }
            if (views.size() > room) {
                long last = source.id().applyAsLong(views.get(room - 1));
                return SyncPage.more(items, SyncToken.initial(types, to, kind, last));
            }
            if (items.size() == size && k + 1 < kinds.size()) {
                return SyncPage.more(items, SyncToken.initial(types, to, kinds.get(k + 1), 0));
            }
        }
        return SyncPage.caughtUp(items, SyncToken.caughtUp(types, to));
    }

    /** The latest changes after {@code from} up to {@code to}, after the given position, as readers see them now. */
    private SyncPage delta(Set<ResourceKind> types, ChangeLog.Point from, ChangeLog.Point to,
                           ChangeLog.Position after, int size) {
        List<ChangeLog.Change> changes = log.changes(from, to, types, after, size + 1);
        List<ChangeLog.Change> page = changes.subList(0, Math.min(size, changes.size()));
        Map<ResourceKind, Map<Long, Object>> views = currentViews(page);
        List<SyncItem> items = new ArrayList<>();
        for (ChangeLog.Change change : page) {
            if (change.removed()) {
                items.add(SyncTombstone.of(change));
                continue;
            }
            Object view = views.get(change.kind()).get(change.id());
            // None: hidden or deleted after the log was read; that change is past `to`, so the next delta brings it.
            if (view != null) {
                items.add(SyncUpsert.of(change.kind(), change.id(), view));
            }
        }
        if (changes.size() > size) {
            ChangeLog.Change last = page.get(page.size() - 1);
            return SyncPage.more(items, SyncToken.delta(types, from, to,
                    new ChangeLog.Position(last.version(), last.kind(), last.id())));
        }
        return SyncPage.caughtUp(items, SyncToken.caughtUp(types, to));
    }

    /** The current public views of the page's changed resources: one query (two for articles) per type present. */
    private Map<ResourceKind, Map<Long, Object>> currentViews(List<ChangeLog.Change> page) {
        Map<ResourceKind, List<Long>> ids = new EnumMap<>(ResourceKind.class);
        page.stream().filter(change -> !change.removed())
                .forEach(change -> ids.computeIfAbsent(change.kind(), k -> new ArrayList<>()).add(change.id()));
        Map<ResourceKind, Map<Long, Object>> views = new EnumMap<>(ResourceKind.class);
        ids.forEach((kind, kindIds) -> {
            Source source = sources.get(kind);
            Map<Long, Object> byId = new HashMap<>();
            source.byIds().apply(kindIds).forEach(view -> byId.put(source.id().applyAsLong(view), view));
            views.put(kind, byId);
        });
        return views;
    }
}
