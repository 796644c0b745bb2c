-- What partners sync from (GET /api/v1/sync; see changelog.ContentChanges and changelog.ChangeLog).
-- Portable SQL: the same file runs on H2 and PostgreSQL.
--
-- A content write, after it has set the content version it will commit (and so holds the content_version row lock
-- until it commits), records itself in content_change_set and updates the content_change row of every resource whose
-- public representation it may have changed. Writers take turns on that lock, so versions become visible in version
-- order: a reader that has seen change set v sees every row written at v or before.

-- One row per content write: its version, the epoch it drew (a token names both, so a token from another database, or
-- from a timeline a restore has undone, is told apart from this one's), and when it happened (for the retention).
create table content_change_set (
    version    bigint                      not null,
    epoch      bigint                      not null,
    changed_at timestamp(6) with time zone not null,
    constraint pk_content_change_set primary key (version)
);

-- One row per resource that readers have seen: the version of its latest public change, and the slug readers knew it
-- by. reason is null while it is public; deleted, unpublished or withdrawn once it no longer is (a tombstone, kept for
-- the retention, then removed). issue_id is the issue an article was public in, which tells a withdrawal (the article
-- left it for a draft issue) from an unpublication (its issue went back to draft). A resource that was never public
-- (a draft issue and its articles) has no row, so a partner never learns of it.
create table content_change (
    resource_type varchar(10)                 not null,
    resource_id   bigint                      not null,
    version       bigint                      not null,
    slug          varchar(120)                not null,
    reason        varchar(12),
    issue_id      bigint,
    changed_at    timestamp(6) with time zone not null,
    -- resource_type is article, issue, outlet or topic, reason null, deleted, unpublished or withdrawn; written by
    -- ContentChanges only. No CHECK constraint says so: H2 failed to evaluate one ("Check constraint invalid") once
    -- the test suite had restarted the service on the same in-memory database, refusing every write that logs.
    constraint pk_content_change primary key (resource_type, resource_id)
);
-- A delta walks the rows after a version in (version, type, id) order.
create index ix_content_change_version on content_change (version, resource_type, resource_id);
-- An Atom feed lists the articles withdrawn lately (RFC 6721 tombstones): the rows with a reason, newest first.
create index ix_content_change_removed on content_change (resource_type, reason, changed_at);

-- The version the content is at now gets its change set, so that a sync started now has a token to return; what is
-- public now is recorded too, so that its later removal reaches partners as a tombstone.
insert into content_change_set (version, epoch, changed_at)
select version, epoch, current_timestamp from content_version where id = 1;

insert into content_change (resource_type, resource_id, version, slug, issue_id, changed_at)
select 'article', a.id, v.version, a.slug, a.issue_id, current_timestamp
from article a cross join content_version v where v.id = 1 and a.issue_published = true;
insert into content_change (resource_type, resource_id, version, slug, changed_at)
select 'issue', i.id, v.version, i.slug, current_timestamp
from issue i cross join content_version v where v.id = 1 and i.status = 'PUBLISHED';
insert into content_change (resource_type, resource_id, version, slug, changed_at)
select 'outlet', o.id, v.version, o.slug, current_timestamp from outlet o cross join content_version v where v.id = 1;
insert into content_change (resource_type, resource_id, version, slug, changed_at)
select 'topic', t.id, v.version, t.slug, current_timestamp from topic t cross join content_version v where v.id = 1;
