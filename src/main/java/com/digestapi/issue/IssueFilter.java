package com.digestapi.issue;

import java.time.Instant;
import java.time.LocalDate;

/** What an issue list is filtered by (absent values do not filter). */
public record IssueFilter(String q, IssueStatus status, LocalDate from, LocalDate to, Instant updatedSince) {
}
