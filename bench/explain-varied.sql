-- EXPLAIN ANALYZE of the varied-URL classes' list queries as the service sends them today (recorded by
-- ListIndexPlanTest and SentSql, values inlined), on H2 (Shell, app stopped) and PostgreSQL (psql). bench.py fills in
-- ${FROM}/${TO} (a 30-day window in the middle of the archive) and ${UPDATED} (the middle of the updated_at span). A
-- list runs its count (bounded: at most digest.list.count-limit + 1 = 10,001 rows), then its page of ids, each with
-- the sort keys of the next cursor; then two statements read the page's rows. (H2 omits "nulls last" after desc: it
-- is its default there.)
-- deep page of the default list, after a cursor in the middle of the archive
EXPLAIN ANALYZE select a1_0.id,a1_0.published_on from article a1_0 where a1_0.issue_published=TRUE and a1_0.published_on<=DATE '${TO}' and (a1_0.published_on<DATE '${TO}' or (a1_0.published_on=DATE '${TO}' and a1_0.id>0)) order by a1_0.issue_published,a1_0.published_on desc nulls last,a1_0.id fetch first 21 rows only;
-- ?topic=topic-1&page=25 (the most common topic), bounded count and page, from the topic links (V14)
EXPLAIN ANALYZE select 1 from article_topic tl1_0 where tl1_0.topic_id=(select t1_0.id from topic t1_0 where t1_0.slug='topic-1') and tl1_0.issue_published=TRUE fetch first 10001 rows only;
EXPLAIN ANALYZE select tl1_0.article_id,tl1_0.published_on from article_topic tl1_0 where tl1_0.topic_id=(select t1_0.id from topic t1_0 where t1_0.slug='topic-1') and tl1_0.issue_published=TRUE order by tl1_0.topic_id,tl1_0.issue_published,tl1_0.published_on desc nulls last,tl1_0.article_id offset 500 rows fetch first 21 rows only;
-- the same topic after a cursor in the middle of the archive
EXPLAIN ANALYZE select tl1_0.article_id,tl1_0.published_on from article_topic tl1_0 where tl1_0.topic_id=(select t1_0.id from topic t1_0 where t1_0.slug='topic-1') and tl1_0.issue_published=TRUE and tl1_0.published_on<=DATE '${TO}' and (tl1_0.published_on<DATE '${TO}' or (tl1_0.published_on=DATE '${TO}' and tl1_0.article_id>0)) order by tl1_0.topic_id,tl1_0.issue_published,tl1_0.published_on desc nulls last,tl1_0.article_id fetch first 21 rows only;
-- ?outlet=outlet-17&page=10, bounded count and page (ix_article_outlet_listing, V14)
EXPLAIN ANALYZE select 1 from article a1_0 where a1_0.outlet_id=(select o2_0.id from outlet o2_0 where o2_0.slug='outlet-17') and a1_0.issue_published=TRUE fetch first 10001 rows only;
EXPLAIN ANALYZE select a1_0.id,a1_0.published_on from article a1_0 where a1_0.outlet_id=(select o2_0.id from outlet o2_0 where o2_0.slug='outlet-17') and a1_0.issue_published=TRUE order by a1_0.outlet_id,a1_0.issue_published,a1_0.published_on desc nulls last,a1_0.id offset 200 rows fetch first 21 rows only;
-- ?from&to, a 30-day window, bounded count and page
EXPLAIN ANALYZE select 1 from article a1_0 where a1_0.published_on>=DATE '${FROM}' and a1_0.published_on<=DATE '${TO}' and a1_0.issue_published=TRUE fetch first 10001 rows only;
EXPLAIN ANALYZE select a1_0.id,a1_0.published_on from article a1_0 where a1_0.published_on>=DATE '${FROM}' and a1_0.published_on<=DATE '${TO}' and a1_0.issue_published=TRUE order by a1_0.issue_published,a1_0.published_on desc nulls last,a1_0.id offset 0 rows fetch first 21 rows only;
-- ?updatedSince (the middle of the span), bounded count and page
EXPLAIN ANALYZE select 1 from article a1_0 where a1_0.updated_at>=TIMESTAMP WITH TIME ZONE '${UPDATED}' and a1_0.issue_published=TRUE fetch first 10001 rows only;
EXPLAIN ANALYZE select a1_0.id,a1_0.published_on from article a1_0 where a1_0.updated_at>=TIMESTAMP WITH TIME ZONE '${UPDATED}' and a1_0.issue_published=TRUE order by a1_0.published_on desc nulls last,a1_0.id offset 0 rows fetch first 21 rows only;
-- feed ?topic=topic-1&outlet=outlet-17 (no count)
EXPLAIN ANALYZE select a1_0.id from article a1_0 where a1_0.id in (select a2_0.id from article a2_0 join article_topic t1_0 on a2_0.id=t1_0.article_id join topic t1_1 on t1_1.id=t1_0.topic_id where t1_1.slug in ('topic-1')) and a1_0.outlet_id in (select o2_0.id from outlet o2_0 where o2_0.slug in ('outlet-17')) and a1_0.issue_published=TRUE order by a1_0.issue_published_on desc,a1_0.issue_id desc,a1_0.position,a1_0.id fetch first 50 rows only;
