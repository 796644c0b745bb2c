-- Bulk load of the generated CSVs into PostgreSQL (schema created by the app's Flyway migrations at one start on the
-- empty database), through psql's \copy. ${DIR} and the ${..._SEQ} values are replaced by bench.py.
-- Like H2's REFERENTIAL_INTEGRITY FALSE, foreign keys are not checked row by row (session_replication_role = replica
-- skips their triggers; the generator's ids are consistent), and the secondary indexes of the loaded tables are dropped
-- before the COPY and created again after it from their saved definitions (a sort per index instead of 1,000,000
-- insertions into each); primary keys and unique constraints stay. VACUUM (ANALYZE) at the end sets the visibility map
-- (index-only scans then skip the heap) and the statistics, as autovacuum would after a while.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '512MB';
BEGIN;
SET LOCAL session_replication_role = replica;
CREATE TEMP TABLE bench_index ON COMMIT DROP AS
  SELECT i.indexname, i.indexdef FROM pg_indexes i
  WHERE i.schemaname = 'public' AND i.tablename IN ('outlet', 'topic', 'issue', 'article', 'article_topic', 'article_quote')
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
SELECT format('DROP INDEX %I', indexname) FROM bench_index \gexec
\copy outlet (id, slug, name, website_url, country, language, created_at, updated_at, version) from '${DIR}/outlet.csv' with (format csv, header true)
\copy topic (id, slug, name, description, created_at, updated_at, version) from '${DIR}/topic.csv' with (format csv, header true)
\copy issue (id, slug, title, published_on, intro, status, created_at, updated_at, version) from '${DIR}/issue.csv' with (format csv, header true)
\copy article (id, slug, issue_id, position, headline, outlet_id, published_on, author, original_url, summary, created_at, updated_at, version, issue_published, issue_published_on) from '${DIR}/article.csv' with (format csv, header true)
\copy article_topic (article_id, topic_id) from '${DIR}/article_topic.csv' with (format csv, header true)
-- Each topic link carries its article's list keys (V14__topic_and_outlet_list_keys.sql), taken from the article.
UPDATE article_topic t SET issue_published = a.issue_published, published_on = a.published_on FROM article a
  WHERE a.id = t.article_id;
\copy article_quote (article_id, position, text, attribution) from '${DIR}/article_quote.csv' with (format csv, header true)
SELECT indexdef FROM bench_index \gexec
-- Move the sequences past the generated ids (Hibernate's pooled optimizer hands out blocks of 50).
SELECT setval('outlet_seq', ${OUTLET_SEQ}), setval('topic_seq', ${TOPIC_SEQ}), setval('issue_seq', ${ISSUE_SEQ}),
       setval('article_seq', ${ARTICLE_SEQ});
COMMIT;
VACUUM (ANALYZE);
