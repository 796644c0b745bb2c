package com.digestapi.issue;

/** Whether an issue is still being composed or out for readers. */
public enum IssueStatus {
    DRAFT, PUBLISHED
}
