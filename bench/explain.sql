-- The SQL Hibernate sends for the public (anonymous) lists and feeds, captured with quarkus.hibernate-orm.log.sql,
-- values inlined. Each list runs its count, then its page of ids. Lists and feeds without a topic, outlet, issue or
-- updatedSince filter lead their ORDER BY with issue_published (constant under the WHERE) so that H2 walks the index;
-- filtered ones start from their filter's index and sort its matches.
-- default list: count (all articles minus drafts'), page 0, page 500
EXPLAIN select ((select count(*) from article a1_0)-(select count(*) from article a2_0 where a2_0.issue_published=FALSE));
EXPLAIN select a1_0.id from article a1_0 where a1_0.issue_published=TRUE order by a1_0.issue_published,a1_0.published_on desc,a1_0.id offset 0 rows fetch first 20 rows only;
EXPLAIN select a1_0.id from article a1_0 where a1_0.issue_published=TRUE order by a1_0.issue_published,a1_0.published_on desc,a1_0.id offset 10000 rows fetch first 20 rows only;
-- ?topic=topic-7
EXPLAIN select count(a1_0.id) from article a1_0 where a1_0.id in (select a2_0.id from article a2_0 join article_topic t1_0 on a2_0.id=t1_0.article_id join topic t1_1 on t1_1.id=t1_0.topic_id where t1_1.slug in ('topic-7')) and a1_0.issue_published=TRUE;
EXPLAIN select a1_0.id from article a1_0 where a1_0.id in (select a2_0.id from article a2_0 join article_topic t1_0 on a2_0.id=t1_0.article_id join topic t1_1 on t1_1.id=t1_0.topic_id where t1_1.slug in ('topic-7')) and a1_0.issue_published=TRUE order by a1_0.published_on desc,a1_0.id offset 0 rows fetch first 20 rows only;
-- ?outlet=outlet-17
EXPLAIN select count(a1_0.id) from article a1_0 where a1_0.outlet_id in (select o2_0.id from outlet o2_0 where o2_0.slug in ('outlet-17')) and a1_0.issue_published=TRUE;
EXPLAIN select a1_0.id from article a1_0 where a1_0.outlet_id in (select o2_0.id from outlet o2_0 where o2_0.slug in ('outlet-17')) and a1_0.issue_published=TRUE order by a1_0.published_on desc,a1_0.id offset 0 rows fetch first 20 rows only;
-- ?from=1989-06-01&to=1989-08-30
EXPLAIN select count(a1_0.id) from article a1_0 where a1_0.published_on>=DATE '1989-06-01' and a1_0.published_on<=DATE '1989-08-30' and a1_0.issue_published=TRUE;
EXPLAIN select a1_0.id from article a1_0 where a1_0.published_on>=DATE '1989-06-01' and a1_0.published_on<=DATE '1989-08-30' and a1_0.issue_published=TRUE order by a1_0.issue_published,a1_0.published_on desc,a1_0.id offset 0 rows fetch first 20 rows only;
-- feeds: unfiltered and ?topic=topic-7 (no count)
EXPLAIN select a1_0.id from article a1_0 where a1_0.issue_published=TRUE order by a1_0.issue_published,a1_0.issue_published_on desc,a1_0.issue_id desc,a1_0.position,a1_0.id fetch first 50 rows only;
EXPLAIN select a1_0.id from article a1_0 where a1_0.id in (select a2_0.id from article a2_0 join article_topic t1_0 on a2_0.id=t1_0.article_id join topic t1_1 on t1_1.id=t1_0.topic_id where t1_1.slug in ('topic-7')) and a1_0.issue_published=TRUE order by a1_0.issue_published_on desc,a1_0.issue_id desc,a1_0.position,a1_0.id fetch first 50 rows only;
