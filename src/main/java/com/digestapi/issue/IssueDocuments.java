package com.digestapi.issue;

import com.digestapi.activity.Recorded;
import com.digestapi.article.ArticleContent;
import com.digestapi.article.ArticleImport;
import com.digestapi.article.ArticleView;
import com.digestapi.caching.ContentWrite;
import com.digestapi.outlet.Outlet;
import com.digestapi.outlet.OutletInput;
import com.digestapi.outlet.OutletService;
import com.digestapi.persistence.SlugHistory;
import com.digestapi.persistence.Slugs;
import com.digestapi.problem.Problem.FieldError;
import com.digestapi.problem.ProblemException;
import com.digestapi.topic.Topic;
import com.digestapi.topic.TopicInput;
import com.digestapi.topic.TopicService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Imports and exports whole issues as {@link IssueDocument}s; the demo digest loads through here too. */
@ApplicationScoped
public class IssueDocuments {

    private final IssueService issues;
    private final ArticleImport articles;
    private final OutletService outlets;
    private final TopicService topics;
    private final IssueHistory history;

    IssueDocuments(IssueService issues, ArticleImport articles, OutletService outlets, TopicService topics,
                   IssueHistory history) {
        this.issues = issues;
        this.articles = articles;
        this.outlets = outlets;
        this.topics = topics;
        this.history = history;
    }

    /** What an import did: the issue as stored, and whether it was new. */
    public record Imported(IssueDetail issue, boolean created) {
    }

    /**
     * Creates the issue, or replaces the content of the issue with the document's slug: the issue that carries it now,
     * or carried it before a rename (a document exported before the rename), which takes it back.
     */
    @Transactional
    @Recorded
    @ContentWrite
    public Imported importIssue(IssueDocument document) {
        rejectInconsistentOrTooLarge(document);
        String slug = document.slug() != null ? document.slug()
                : IssueService.slugFor(document.title(), document.publishedOn());
        Issue issue = SlugHistory.find(Issue.class, slug, null).map(found -> Issue.<Issue>findById(found.id()))
                .orElse(null);
        boolean created = issue == null;
        if (created) {
            issue = new Issue();
        }
        IssueDetail before = null;
        if (!created) {
            before = issues.lockedBefore(issue.id);
            issue = issues.find(issue.id);
        }
        issues.apply(issue, new IssueInput(slug, document.title(), document.publishedOn(), document.intro(),
                document.status(), document.publishAt()));
        if (created) {
            issue.persistAndFlush();
        }
        Map<String, Outlet> outletsByRef = new HashMap<>();
        Map<String, Topic> topicsByRef = new HashMap<>();
        List<ArticleContent> contents = new ArrayList<>();
        for (IssueDocument.Entry entry : document.articles()) {
            Outlet outlet = outletsByRef.computeIfAbsent(key(entry.outlet()),
                    k -> outlets.resolve(entry.outlet(), outletDetails(document, entry.outlet())));
            Set<Topic> tags = new LinkedHashSet<>();
            for (String topic : entry.topics() == null ? List.<String>of() : entry.topics()) {
                tags.add(topicsByRef.computeIfAbsent(key(topic), k -> topics.resolve(topic, topicDetails(document, topic))));
            }
            contents.add(new ArticleContent(entry.slug(), entry.headline(), outlet, entry.publishedOn(), entry.author(),
                    entry.originalUrl(), entry.summary(), entry.quotes(), tags));
        }
        articles.replaceContents(issue.id, contents);
        Issue.flush();
        IssueDetail after = issues.get(issue.id);
        history.record(before, after);
        return new Imported(after, created);
    }

    /** The issue as a document that {@link #importIssue} takes back: outlets and topics by name, with their details. */
    public IssueDocument export(long id) {
        IssueDetail issue = issues.get(id);
        Set<Long> outletIds = new LinkedHashSet<>();
        Set<Long> topicIds = new LinkedHashSet<>();
        List<IssueDocument.Entry> entries = new ArrayList<>();
        for (ArticleView article : issue.articles()) {
            outletIds.add(article.outlet().id());
            article.topics().forEach(t -> topicIds.add(t.id()));
            entries.add(new IssueDocument.Entry(article.slug(), article.headline(), article.outlet().name(),
                    article.publishedOn(), article.author(), article.originalUrl(), article.summary(), article.quotes(),
                    article.topics().stream().map(ArticleView.Ref::name).toList()));
        }
        return new IssueDocument(issue.slug(), issue.title(), issue.publishedOn(), issue.status(), issue.publishAt(),
                issue.intro(),
                outlets.details(outletIds), topics.details(topicIds), entries);
    }

    private static OutletInput outletDetails(IssueDocument document, String reference) {
        return document.outlets() == null ? null : document.outlets().stream()
                .filter(o -> matches(reference, o.slug(), o.name())).findFirst().orElse(null);
    }

    private static TopicInput topicDetails(IssueDocument document, String reference) {
        return document.topics() == null ? null : document.topics().stream()
                .filter(t -> matches(reference, t.slug(), t.name())).findFirst().orElse(null);
    }

    /** Whether a reference names these details: by name or slug, case-insensitively, or by its slug form. */
    private static boolean matches(String reference, String slug, String name) {
        String ref = reference.strip();
        String detailsSlug = slug != null ? slug : Slugs.slugify(name, "");
        String refSlug = Slugs.slugify(ref, "");
        return ref.equalsIgnoreCase(name.strip()) || ref.equalsIgnoreCase(detailsSlug)
                || (!refSlug.isEmpty() && refSlug.equals(detailsSlug));
    }

    private static String key(String reference) {
        return reference.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A 400 for what field constraints cannot see: an article slug given twice, and more topic references or quotes
     * across all articles than one transaction should insert (each is a row).
     */
    private static void rejectInconsistentOrTooLarge(IssueDocument document) {
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        int topicReferences = 0;
        int quotes = 0;
        for (int i = 0; i < document.articles().size(); i++) {
            IssueDocument.Entry entry = document.articles().get(i);
            if (entry.slug() != null && !seen.add(entry.slug())) {
                errors.add(new FieldError("articles[" + i + "].slug", "repeats the slug of an earlier article"));
            }
            topicReferences += entry.topics() == null ? 0 : entry.topics().size();
            quotes += entry.quotes() == null ? 0 : entry.quotes().size();
        }
        if (topicReferences > IssueDocument.MAX_TOPIC_REFERENCES) {
            errors.add(new FieldError("articles", "may name at most " + IssueDocument.MAX_TOPIC_REFERENCES
                    + " topics in all (this document names " + topicReferences + ")"));
        }
        if (quotes > IssueDocument.MAX_QUOTES) {
            errors.add(new FieldError("articles", "may carry at most " + IssueDocument.MAX_QUOTES
                    + " quotes in all (this document carries " + quotes + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
