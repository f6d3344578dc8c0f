-- Shared by every DealRadar service (db/platform is on each service's Flyway path).
create table idempotency_record (
    scoped_key   varchar(600) primary key,
    request_hash varchar(64)  not null,
    completed    boolean      not null,
    status       integer,
    location     varchar(1000),
    etag         varchar(200),
    body         text,
    created_at   timestamp with time zone not null
);
create index idempotency_record_created_at on idempotency_record (created_at);
