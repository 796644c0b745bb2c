-- PostgreSQL only: q searches with LIKE '%text%' on lower-cased text; trigram GIN indexes serve those substring
-- matches instead of sequential scans. H2 has no such index type and needs none at its scale.
create extension if not exists pg_trgm;

create index ix_article_search_text_trgm on article using gin (search_text gin_trgm_ops);
create index ix_issue_title_trgm on issue using gin (lower(title) gin_trgm_ops);
create index ix_issue_intro_trgm on issue using gin (lower(intro) gin_trgm_ops);
create index ix_outlet_name_trgm on outlet using gin (lower(name) gin_trgm_ops);
create index ix_topic_name_trgm on topic using gin (lower(name) gin_trgm_ops);
