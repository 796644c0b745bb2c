package com.digestapi.issue;

import com.digestapi.article.IssueKeys;
import com.digestapi.article.IssueLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** The issue rows the article lineup locks and touches, through the issue's own entity. */
@ApplicationScoped
public class IssueRowLocks implements IssueLocks {

    @Override
    public Optional<IssueKeys> lock(long issueId) {
        return Optional.ofNullable(Issue.<Issue>findById(issueId, LockModeType.PESSIMISTIC_WRITE)).map(Issue::keys);
    }

    @Override
    public IssueKeys keys(long issueId) {
        return Issue.<Issue>findByIdOptional(issueId).orElseThrow().keys();
    }

    @Override
    public void touch(long issueId) {
        Issue.<Issue>findByIdOptional(issueId).orElseThrow().touch();
    }
}
