-- The gateway's own data: partners, their API keys and the audit trail of key actions.
-- Portable between PostgreSQL (production, tests) and H2 in PostgreSQL mode (local run).
-- A key's secret is never stored: only the SHA-256 of the whole key (hex) and its short public prefix.
create table partner (
    id            uuid primary key,
    name          varchar(200) not null,
    sort_name     varchar(200) not null,
    contact_name  varchar(200),
    contact_email varchar(320) not null,
    plan          varchar(40)  not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null
);
create index partner_sort_name on partner (sort_name, id);

create table api_key (
    id           uuid primary key,
    partner_id   uuid not null references partner (id),
    prefix       varchar(16)  not null unique,
    secret_hash  varchar(64)  not null,
    name         varchar(200),
    scopes       varchar(40)  not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(200) not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    revoked_by   varchar(200),
    replaces_id  uuid,
    replaced_by_id uuid,
    last_used_at timestamp with time zone,
    version      bigint not null
);
create index api_key_partner on api_key (partner_id, created_at, id);

create table api_key_audit (
    id          uuid primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(200) not null,
    action      varchar(40)  not null,
    partner_id  uuid,
    key_id      uuid,
    key_prefix  varchar(16),
    detail      varchar(1000),
    request_id  varchar(128)
);
create index api_key_audit_occurred on api_key_audit (occurred_at, id);
create index api_key_audit_partner on api_key_audit (partner_id, occurred_at, id);
