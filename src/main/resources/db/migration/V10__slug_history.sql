-- Links that survive a rename (see persistence.SlugHistory). Portable SQL: the same file runs on H2 and PostgreSQL.
--
-- One row per slug that an article, issue, outlet or topic carried before a rename: GET /{kind}/by-slug/{slug} answers
-- a 301 to the resource's current slug, list and feed filters (topic=, outlet=) read it as the current one, and no
-- other resource of the kind may take it. Written by the write that renames, in its transaction; the row goes when the
-- resource takes the slug back (it is current again) or is deleted (the slug is free again).
create table slug_history (
    -- article, issue, outlet or topic (changelog.ResourceKind's codes); written by SlugHistory only.
    resource_type varchar(10)                 not null,
    slug          varchar(120)                not null,
    resource_id   bigint                      not null,
    retired_at    timestamp(6) with time zone not null,
    -- A retired slug names one resource of its kind.
    constraint pk_slug_history primary key (resource_type, slug)
);
-- A resource's own old slugs: deleted with it.
create index ix_slug_history_resource on slug_history (resource_type, resource_id);
