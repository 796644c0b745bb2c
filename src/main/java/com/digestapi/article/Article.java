package com.digestapi.article;

import com.digestapi.outlet.Outlet;
import com.digestapi.persistence.Slugs;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.topic.Topic;
import com.digestapi.web.WebUrl;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One entry of an issue: the summary of a piece an outside outlet published. */
@Entity
@Table(name = "article")
public class Article extends TrackedEntity {

    /** Column sizes: input validation and the API description take them from here. */
    public static final int HEADLINE_LENGTH = 500;
    public static final int AUTHOR_LENGTH = 200;
    public static final int SUMMARY_LENGTH = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
    @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, length = Slugs.MAX_LENGTH)
    public String slug;

    /** The issue the article belongs to (the database deletes the article with it). */
    @Column(name = "issue_id", nullable = false)
    public Long issueId;

    /** 1..n inside the issue, without gaps. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = HEADLINE_LENGTH)
    public String headline;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "outlet_id", nullable = false)
    public Outlet outlet;

    @Column(name = "published_on", nullable = false)
    public LocalDate publishedOn;

    @Column(length = AUTHOR_LENGTH)
    public String author;

    @Column(name = "original_url", length = WebUrl.MAX_LENGTH)
    public String originalUrl;

    @Column(nullable = false, length = SUMMARY_LENGTH)
    public String summary;

    /**
     * Copies of the issue's status and date, which public lists and feeds filter and sort by without joining the
     * issue (see V3__article_list_keys.sql); set by {@link #placeIn}, and by {@link IssueLineup#issueChanged} when the issue changes.
     * Views are built field by field ({@link ArticleView}), so they never reach a response.
     */
    @Column(name = "issue_published", nullable = false)
    public boolean issuePublished;

    @Column(name = "issue_published_on", nullable = false)
    public LocalDate issuePublishedOn;

    @ElementCollection
    @CollectionTable(name = "article_quote", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    public List<Quote> quotes = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "article_topic", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    public Set<Topic> topics = new HashSet<>();

    /** Puts the article into the issue and copies from it what lists and feeds filter and sort by. */
    void placeIn(IssueKeys issue) {
        this.issueId = issue.id();
        this.issuePublished = issue.published();
        this.issuePublishedOn = issue.publishedOn();
    }

    /**
     * How many articles the issue holds. A query of its own text: Panache's count(...) derives a count query from a
     * select, which Hibernate translates again on every call (most of the cost of counting ~50 rows).
     */
    static long countInIssue(long issueId) {
        return getEntityManager().createQuery("select count(*) from Article where issueId = ?1", Long.class)
                .setParameter(1, issueId).getSingleResult();
    }
}
