-- The same rule as V12's ck_issue_status, written without an IN list. H2 2.4.240 evaluates a CHECK (x IN (...)) with
-- the session that created the constraint: once that connection closes (a pool retiring an idle connection, or
-- migrations run on a connection of their own), every insert or update of an issue fails with "Check constraint
-- invalid" until the database is opened again (h2database issues 4302 and 4308). A CASE is evaluated in the session
-- that writes. Portable SQL: the same file runs on H2 and PostgreSQL.
alter table issue drop constraint ck_issue_status;
alter table issue add constraint ck_issue_status
    check (case status when 'DRAFT' then true when 'SCHEDULED' then true when 'PUBLISHED' then true else false end);
