package com.digestapi.issue;

import com.digestapi.article.IssueKeys;
import com.digestapi.persistence.Slugs;
import com.digestapi.persistence.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One edition of the digest; its articles point to it and carry their position in it. */
@Entity
@Table(name = "issue")
public class Issue extends TrackedEntity {

    /** Column sizes: input validation and the API description take them from here. */
    public static final int TITLE_LENGTH = 300;
    public static final int INTRO_LENGTH = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "issue_seq")
    @SequenceGenerator(name = "issue_seq", sequenceName = "issue_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, length = Slugs.MAX_LENGTH)
    public String slug;

    @Column(nullable = false, length = TITLE_LENGTH)
    public String title;

    @Column(name = "published_on", nullable = false)
    public LocalDate publishedOn;

    @Column(length = INTRO_LENGTH)
    public String intro;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public IssueStatus status;

    /** When a SCHEDULED issue is published (by issue.IssueScheduler); null in any other status. */
    @Column(name = "publish_at")
    public Instant publishAt;

    /** What its articles copy for lists and feeds. */
    public IssueKeys keys() {
        return new IssueKeys(id, status == IssueStatus.PUBLISHED, publishedOn);
    }
}
