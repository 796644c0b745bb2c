-- Core schema of the digest: outlets, topics, issues, their ordered articles, article quotes and topics.
-- Portable SQL: the same file runs on H2 and PostgreSQL.

create sequence outlet_seq start with 1 increment by 50;
create sequence topic_seq start with 1 increment by 50;
create sequence issue_seq start with 1 increment by 50;
create sequence article_seq start with 1 increment by 50;

create table outlet (
    id          bigint                      not null,
    slug        varchar(120)                not null,
    name        varchar(200)                not null,
    website_url varchar(2048),
    country     varchar(2),
    language    varchar(35),
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    version     bigint                      not null,
    constraint pk_outlet primary key (id),
    constraint uk_outlet_slug unique (slug),
    constraint uk_outlet_name unique (name)
);
create index ix_outlet_country on outlet (country);
create index ix_outlet_language on outlet (language);
create index ix_outlet_updated_at on outlet (updated_at);
create index ix_outlet_created_at on outlet (created_at);

create table topic (
    id          bigint                      not null,
    slug        varchar(120)                not null,
    name        varchar(200)                not null,
    description varchar(2000),
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    version     bigint                      not null,
    constraint pk_topic primary key (id),
    constraint uk_topic_slug unique (slug),
    constraint uk_topic_name unique (name)
);
create index ix_topic_updated_at on topic (updated_at);
create index ix_topic_created_at on topic (created_at);

create table issue (
    id           bigint                      not null,
    slug         varchar(120)                not null,
    title        varchar(300)                not null,
    published_on date                        not null,
    intro        varchar(10000),
    status       varchar(16)                 not null,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint                      not null,
    constraint pk_issue primary key (id),
    constraint uk_issue_slug unique (slug),
    constraint ck_issue_status check (status in ('DRAFT', 'PUBLISHED'))
);
create index ix_issue_published_on on issue (published_on);
create index ix_issue_status_published_on on issue (status, published_on);
create index ix_issue_updated_at on issue (updated_at);
create index ix_issue_created_at on issue (created_at);
create index ix_issue_title on issue (title);

create table article (
    id           bigint                      not null,
    slug         varchar(120)                not null,
    issue_id     bigint                      not null,
    position     integer                     not null,
    headline     varchar(500)                not null,
    outlet_id    bigint                      not null,
    published_on date                        not null,
    author       varchar(200),
    original_url varchar(2048),
    summary      varchar(10000)              not null,
    -- Lower-cased headline, summary, author and quote texts: what q searches, kept by the service on every write.
    search_text  varchar(60000)              not null,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint                      not null,
    constraint pk_article primary key (id),
    constraint uk_article_slug unique (slug),
    constraint fk_article_issue foreign key (issue_id) references issue (id) on delete cascade,
    constraint fk_article_outlet foreign key (outlet_id) references outlet (id),
    constraint ck_article_position check (position >= 1)
);
create index ix_article_issue_position on article (issue_id, position);
create index ix_article_outlet on article (outlet_id);
create index ix_article_published_on on article (published_on);
create index ix_article_updated_at on article (updated_at);
create index ix_article_created_at on article (created_at);
create index ix_article_headline on article (headline);

create table article_topic (
    article_id bigint not null,
    topic_id   bigint not null,
    constraint pk_article_topic primary key (article_id, topic_id),
    constraint fk_article_topic_article foreign key (article_id) references article (id) on delete cascade,
    constraint fk_article_topic_topic foreign key (topic_id) references topic (id) on delete cascade
);
create index ix_article_topic_topic on article_topic (topic_id, article_id);

create table article_quote (
    article_id  bigint        not null,
    position    integer       not null,
    text        varchar(2000) not null,
    attribution varchar(200),
    constraint pk_article_quote primary key (article_id, position),
    constraint fk_article_quote_article foreign key (article_id) references article (id) on delete cascade
);

-- Content loaded once per database (the demo digest), so a restart neither duplicates nor reloads it.
create table seed_history (
    name       varchar(100)                not null,
    applied_at timestamp(6) with time zone not null,
    constraint pk_seed_history primary key (name)
);
