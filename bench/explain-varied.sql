-- EXPLAIN ANALYZE of the varied-URL classes' list queries (the shape Hibernate sends, as in explain.sql, values
-- inlined; lists order with "nulls last" as PageRequest writes it), on H2 (Shell, app stopped) and PostgreSQL (psql). bench.py fills in ${DEEP_OFFSET} (page 2,500 or the
-- last page), ${FROM}/${TO} (a 30-day window in the middle of the archive) and ${UPDATED} (the middle of the
-- updated_at span). Each list runs its count, then its page of ids; then two statements read the page's rows.
-- deep page of the default list
EXPLAIN ANALYZE select a1_0.id from article a1_0 where a1_0.issue_published=TRUE order by a1_0.issue_published,a1_0.published_on desc nulls last,a1_0.id offset ${DEEP_OFFSET} rows fetch first 20 rows only;
-- ?topic=topic-1&page=25 (the most common topic), count and page
EXPLAIN ANALYZE select count(a1_0.id) from article a1_0 where a1_0.id in (select a2_0.id from article a2_0 join article_topic t1_0 on a2_0.id=t1_0.article_id join topic t1_1 on t1_1.id=t1_0.topic_id where t1_1.slug in ('topic-1')) and a1_0.issue_published=TRUE;
EXPLAIN ANALYZE select a1_0.id from article a1_0 where a1_0.id in (select a2_0.id from article a2_0 join article_topic t1_0 on a2_0.id=t1_0.article_id join topic t1_1 on t1_1.id=t1_0.topic_id where t1_1.slug in ('topic-1')) and a1_0.issue_published=TRUE order by a1_0.published_on desc nulls last,a1_0.id offset 500 rows fetch first 20 rows only;
-- ?outlet=outlet-17&page=10, count and page
EXPLAIN ANALYZE select count(a1_0.id) from article a1_0 where a1_0.outlet_id in (select o2_0.id from outlet o2_0 where o2_0.slug in ('outlet-17')) and a1_0.issue_published=TRUE;
EXPLAIN ANALYZE select a1_0.id from article a1_0 where a1_0.outlet_id in (select o2_0.id from outlet o2_0 where o2_0.slug in ('outlet-17')) and a1_0.issue_published=TRUE order by a1_0.published_on desc nulls last,a1_0.id offset 200 rows fetch first 20 rows only;
-- ?from&to, a 30-day window, count and page
EXPLAIN ANALYZE select count(a1_0.id) from article a1_0 where a1_0.published_on>=DATE '${FROM}' and a1_0.published_on<=DATE '${TO}' and a1_0.issue_published=TRUE;
EXPLAIN ANALYZE select a1_0.id from article a1_0 where a1_0.published_on>=DATE '${FROM}' and a1_0.published_on<=DATE '${TO}' and a1_0.issue_published=TRUE order by a1_0.issue_published,a1_0.published_on desc nulls last,a1_0.id offset 0 rows fetch first 20 rows only;
-- ?updatedSince (the middle of the span), count and page
EXPLAIN ANALYZE select count(a1_0.id) from article a1_0 where a1_0.updated_at>=TIMESTAMP WITH TIME ZONE '${UPDATED}' and a1_0.issue_published=TRUE;
EXPLAIN ANALYZE select a1_0.id from article a1_0 where a1_0.updated_at>=TIMESTAMP WITH TIME ZONE '${UPDATED}' and a1_0.issue_published=TRUE order by a1_0.published_on desc nulls last,a1_0.id offset 0 rows fetch first 20 rows only;
-- feed ?topic=topic-1&outlet=outlet-17 (no count)
EXPLAIN ANALYZE select a1_0.id from article a1_0 where a1_0.id in (select a2_0.id from article a2_0 join article_topic t1_0 on a2_0.id=t1_0.article_id join topic t1_1 on t1_1.id=t1_0.topic_id where t1_1.slug in ('topic-1')) and a1_0.outlet_id in (select o2_0.id from outlet o2_0 where o2_0.slug in ('outlet-17')) and a1_0.issue_published=TRUE order by a1_0.issue_published_on desc,a1_0.issue_id desc,a1_0.position,a1_0.id fetch first 50 rows only;
