-- Issue #16: the public event log (one global order over the three services' outboxes) and partners' webhooks.
-- Portable between PostgreSQL (production, tests) and H2 in PostgreSQL mode (local run).

-- Events copied from the services' outboxes by the relay. position is the feed's order: the relay assigns it while
-- holding the lock on event_log_state's row and commits before releasing it, so positions become visible in
-- increasing order and a reader that has seen position p never later finds a committed event below p.
create table event_log (
    position      bigint primary key,
    event_id      uuid          not null unique,
    type          varchar(100)  not null,
    source        varchar(40)   not null,
    resource_type varchar(60)   not null,
    resource_id   varchar(100)  not null,
    resource_path varchar(1000) not null,
    etag          varchar(200),
    occurred_at   timestamp with time zone not null,
    recorded_at   timestamp with time zone not null,
    data          text,
    request_id    varchar(128)
);
create index event_log_recorded on event_log (recorded_at);

-- One row: the last position handed out, and the highest position deleted by retention (cursors below it are 410).
create table event_log_state (
    id             integer primary key,
    last_position  bigint not null,
    purged_through bigint not null
);
insert into event_log_state (id, last_position, purged_through) values (1, 0, 0);

create table webhook_endpoint (
    id                         uuid primary key,
    partner_id                 uuid          not null references partner (id),
    url                        varchar(2000) not null,
    description                varchar(500),
    event_types                varchar(2000) not null,
    enabled                    boolean       not null,
    disabled_reason            varchar(500),
    secret                     varchar(200)  not null,
    previous_secret            varchar(200),
    previous_secret_expires_at timestamp with time zone,
    dead_letter_streak         integer       not null,
    created_at                 timestamp with time zone not null,
    updated_at                 timestamp with time zone not null,
    version                    bigint        not null
);
create index webhook_endpoint_partner on webhook_endpoint (partner_id, created_at, id);

-- One row per (endpoint, event): pending until delivered (succeeded) or out of retries (dead). A replica claims due
-- rows with FOR UPDATE SKIP LOCKED and a lease (lease_until); a replica that dies mid-delivery leaves a lease that
-- runs out, and another replica delivers the row.
create table webhook_delivery (
    id                 uuid primary key,
    endpoint_id        uuid         not null references webhook_endpoint (id),
    event_position     bigint       not null,
    event_id           uuid         not null,
    resource_key       varchar(200) not null,
    status             varchar(20)  not null,
    attempts           integer      not null,
    next_attempt_at    timestamp with time zone not null,
    lease_until        timestamp with time zone,
    leased_by          varchar(100),
    last_response_code integer,
    last_error         varchar(500),
    created_at         timestamp with time zone not null,
    completed_at       timestamp with time zone
);
create unique index webhook_delivery_once on webhook_delivery (endpoint_id, event_id);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_resource on webhook_delivery (endpoint_id, resource_key, event_position);

create table webhook_attempt (
    id            uuid primary key,
    delivery_id   uuid        not null,
    endpoint_id   uuid        not null,
    event_id      uuid        not null,
    attempt       integer     not null,
    attempted_at  timestamp with time zone not null,
    latency_ms    bigint      not null,
    response_code integer,
    outcome       varchar(20) not null,
    error         varchar(500),
    replica       varchar(100)
);
create index webhook_attempt_endpoint on webhook_attempt (endpoint_id, attempted_at, id);
