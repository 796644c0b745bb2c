package com.digestapi.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * One topic link of an article as a topic list reads it: the article's id and the copies of its list keys (see
 * V14__topic_and_outlet_list_keys.sql). The attributes carry the article's names, so that a list over this entity sorts
 * and pages by the same paths (and cursors) as one over {@link Article}. Read only: {@link Article#topics} writes the
 * links and {@link TopicListings} the copies.
 */
@Entity
@Table(name = "article_topic")
@IdClass(TopicListing.Key.class)
@Immutable
public class TopicListing extends PanacheEntityBase {

    /** The article's id. */
    @Id
    @Column(name = "article_id")
    public long id;

    @Id
    @Column(name = "topic_id")
    public long topicId;

    @Column(name = "issue_published", nullable = false)
    public boolean issuePublished;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    /** The row's identity: an article and one of its topics. */
    public record Key(long id, long topicId) implements Serializable {
    }
}
