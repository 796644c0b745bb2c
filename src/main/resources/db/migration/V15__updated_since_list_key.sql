-- Public lists with updatedSince (partners' incremental syncs) find their matches through this index: a range of it
-- is the published articles updated since the instant, so counting them reads the matches only, and a few matches
-- are sorted from it (see article.ArticlePlans). Portable SQL: the same file runs on H2 and PostgreSQL.
create index ix_article_visible_updated_at on article (issue_published, updated_at);
