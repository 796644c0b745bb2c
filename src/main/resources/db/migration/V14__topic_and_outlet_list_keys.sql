-- Topic and outlet lists read their page by walking an index in the list's order instead of sorting every match.
-- A topic's articles are rows of article_topic, so the keys of the default order (the article's published_on, then its
-- id) and the public filter (issue_published) are copied onto them; the service refreshes the copies of every article a
-- write changes, in the write's transaction, after the write is flushed (see article.TopicListings). An outlet's
-- articles are rows of article itself, which already holds those keys: an index in the list's order suffices.
-- Portable SQL: the same file runs on H2 and PostgreSQL.

-- Defaults, because Hibernate inserts a topic link as (article_id, topic_id) before the refresh fills in the copies.
alter table article_topic add column issue_published boolean default false not null;
alter table article_topic add column published_on date;

update article_topic set
    issue_published = (select a.issue_published from article a where a.id = article_topic.article_id),
    published_on = (select a.published_on from article a where a.id = article_topic.article_id);

-- Public topic lists in the default order: the query holds topic_id and issue_published constant and leads its ORDER BY
-- with them, so that H2 walks this index too (see article.ArticlePlans).
create index ix_article_topic_listing on article_topic (topic_id, issue_published, published_on desc nulls last, article_id);
-- Public outlet lists in the default order. (ix_article_outlet stays: H2 keeps it for the foreign key.)
create index ix_article_outlet_listing on article (outlet_id, issue_published, published_on desc nulls last, id);
