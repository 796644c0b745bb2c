-- One row counting committed content changes: every write transaction increments it as its last statement, and
-- every instance compares it with the version its read cache was filled at (see ContentVersion).
create table content_version (
    id      integer primary key,
    version bigint  not null
);
insert into content_version (id, version) values (1, 0);
