package com.digestapi.article;

import java.time.LocalDate;

/** What an article copies from its issue for lists and feeds: the issue's id, whether it is published, and its date. */
public record IssueKeys(long id, boolean published, LocalDate publishedOn) {
}
