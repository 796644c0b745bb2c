-- API tokens: programs sign in with "Authorization: Bearer <token>". Only the SHA-256 of a token is stored (the token
-- itself is shown once, when it is created); a token goes with its account.
create sequence api_token_seq start with 1 increment by 50;

create table api_token (
    id           bigint                      not null,
    account_id   bigint                      not null,
    name         varchar(100)                not null,
    secret_hash  varchar(64)                 not null,
    created_at   timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone,
    last_used_at timestamp(6) with time zone,
    constraint pk_api_token primary key (id),
    constraint uk_api_token_secret_hash unique (secret_hash),
    constraint fk_api_token_account foreign key (account_id) references account (id) on delete cascade
);
create index ix_api_token_account on api_token (account_id, id);
