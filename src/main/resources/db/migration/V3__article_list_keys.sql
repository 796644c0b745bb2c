-- What the public article lists and feeds filter and sort by, copied from the article's issue onto the article, so
-- that they read one table through one index in the requested order instead of joining every issue and sorting the
-- whole archive. The services keep the copies: article create, move and import copy them from the (locked) issue;
-- an issue write that changes its status or date updates its articles in one statement.
-- Portable SQL: the same file runs on H2 and PostgreSQL.

-- Whether the article's issue is PUBLISHED (drafts are invisible to readers).
alter table article add column issue_published boolean default false not null;
-- The article's issue's published_on (the feeds' order: newest issue first).
alter table article add column issue_published_on date;

update article set
    issue_published = exists (select 1 from issue i where i.id = article.issue_id and i.status = 'PUBLISHED'),
    issue_published_on = (select i.published_on from issue i where i.id = article.issue_id);

alter table article alter column issue_published_on set not null;
alter table article alter column issue_published drop default;

-- Public lists in the default order (-publishedOn, then id), with or without a from/to range: the filter holds
-- issue_published constant, and the query puts it first in its ORDER BY so that H2 walks this index too.
create index ix_article_visible_published_on on article (issue_published, published_on desc nulls last, id);
-- Editors' lists in the default order (they see drafts, so no issue_published): replaces the ascending index.
create index ix_article_published_on_id on article (published_on desc nulls last, id);
drop index ix_article_published_on;
-- Feeds: published articles, newest issue first, each issue in its own order.
create index ix_article_feed on article (issue_published, issue_published_on desc, issue_id desc, position, id);
