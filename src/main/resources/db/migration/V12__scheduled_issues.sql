-- Scheduled publication (see issue.IssueScheduler). Portable SQL: the same file runs on H2 and PostgreSQL.

-- An issue may be SCHEDULED: a draft to readers until publish_at, when the scheduler of one instance publishes it.
-- publish_at is set exactly while the issue is SCHEDULED; publishing, or going back to DRAFT, clears it.
alter table issue add column publish_at timestamp(6) with time zone;
alter table issue drop constraint ck_issue_status;
alter table issue add constraint ck_issue_status check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED'));
alter table issue add constraint ck_issue_publish_at
    check ((status = 'SCHEDULED' and publish_at is not null) or (status <> 'SCHEDULED' and publish_at is null));

-- What is due: every poll of every instance asks for the scheduled issues whose publish_at has come. Only scheduled
-- issues have a publish_at, so the range walks just those.
create index ix_issue_publish_at on issue (publish_at);
