-- Feeds of one outlet (with or without topics) walk that outlet's articles in the feeds' order and stop at their 50,
-- checking the topics on each, instead of sorting every article of the outlet (3,300 at 1,000,000 articles, one row
-- read per article: 21 topic+outlet feeds a second on H2). See article.ArticlePlans. Portable SQL: H2 and PostgreSQL.
create index ix_article_outlet_feed on article (outlet_id, issue_published, issue_published_on desc, issue_id desc, position, id);
