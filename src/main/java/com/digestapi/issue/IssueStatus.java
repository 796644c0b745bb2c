package com.digestapi.issue;

/**
 * Whether an issue is still being composed, waiting for its publishAt (readers see it as they see a draft: not at all),
 * or out for readers.
 */
public enum IssueStatus {
    DRAFT, SCHEDULED, PUBLISHED
}
