-- People who may write: editors sign in with HTTP Basic; passwords are stored as bcrypt hashes only.
create sequence account_seq start with 1 increment by 50;

create table account (
    id         bigint                      not null,
    username   varchar(100)                not null,
    password   varchar(100)                not null,
    roles      varchar(200)                not null,
    created_at timestamp(6) with time zone not null,
    constraint pk_account primary key (id),
    constraint uk_account_username unique (username)
);
