package com.digestapi.issue;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What other features show of issues they link to (the feeds): a read the issue package owns, in one statement. */
@ApplicationScoped
public class IssueSummaries {

    /** An issue as a link to it shows it. */
    public record Summary(long id, String slug, String title, LocalDate publishedOn, Instant updatedAt) {
    }

    /** The summaries of the issues with these ids, by id; unknown ids are left out, and no ids cost no statement. */
    public Map<Long, Summary> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Issue.getEntityManager()
                .createQuery("select i.id, i.slug, i.title, i.publishedOn, i.updatedAt from Issue i where i.id in :ids",
                        Object[].class)
                .setParameter("ids", ids).getResultStream()
                .map(r -> new Summary((Long) r[0], (String) r[1], (String) r[2], (LocalDate) r[3], (Instant) r[4]))
                .collect(Collectors.toMap(Summary::id, Function.identity()));
    }
}
