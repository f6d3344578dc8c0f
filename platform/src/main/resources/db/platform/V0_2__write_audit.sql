-- Who changed what: one row per successful write, committed in the write's own transaction (README, "Audit").
create table write_audit (
    id          uuid primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(300) not null,
    actor_kind  varchar(20)  not null,
    actor_id    varchar(200) not null,
    key_id      varchar(100),
    method      varchar(10)  not null,
    resource    varchar(1000) not null,
    status      integer      not null,
    request_id  varchar(128)
);
create index write_audit_resource on write_audit (resource, occurred_at);
create index write_audit_actor on write_audit (actor_id, occurred_at);
