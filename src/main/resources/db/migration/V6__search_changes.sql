-- The log that every instance's search index (Lucene, under its data folder) follows. A content write, after it has
-- set the content version it will commit (and so holds the content_version row lock until it commits), appends one row
-- for that version (article_id null: the version's own row, whose epoch tells this database's history from another's)
-- and one row per article whose search document it changed. Since writers take turns on that lock, versions become
-- visible in order: an index that has applied every row up to version v holds the articles as of v.
create table search_change (
    version    bigint not null,
    epoch      bigint not null,
    article_id bigint
);
create index ix_search_change_version on search_change (version, article_id);

-- The version the content is at now gets its own row, so an index built now can prove which database it follows.
insert into search_change (version, epoch, article_id) select version, epoch, null from content_version where id = 1;

-- Search moved to the index: the lower-cased copy that q matched with LIKE is no longer read or written.
alter table article drop column search_text;
