package com.digestapi.article;

import java.util.Optional;

/**
 * What the lineup needs of the issue its articles belong to, implemented by the issue feature: articles name their
 * issue by id and never touch its entity, so the issue package may depend on this one and not the other way round.
 */
public interface IssueLocks {

    /** Locks the issue's row until the transaction ends, so writers of its positions take turns; empty if none. */
    Optional<IssueKeys> lock(long issueId);

    /** The issue's keys as this transaction sees them, without a lock. */
    IssueKeys keys(long issueId);

    /** Marks the issue changed: its lineup did. */
    void touch(long issueId);
}
