-- Portable between PostgreSQL (production, tests) and H2 in PostgreSQL mode (local run).
create table deal (
    id                   uuid primary key,
    title                varchar(200) not null,
    type                 varchar(30)  not null,
    status               varchar(20)  not null,
    confidence           varchar(10)  not null,
    announced_on         date,
    announced_precision  varchar(5),
    completed_on         date,
    completed_precision  varchar(5),
    value_amount         numeric(20, 4),
    value_amount_min     numeric(20, 4),
    value_amount_max     numeric(20, 4),
    value_currency       varchar(3),
    value_amount_usd     numeric(20, 4),
    value_amount_usd_min numeric(20, 4),
    value_amount_usd_max numeric(20, 4),
    value_estimated      boolean,
    -- the one USD figure that value filters and the value sort use (see Deal#valueUsd)
    value_usd            numeric(20, 4),
    stake_percent        numeric(5, 2),
    description          varchar(4000),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint not null,
    constraint deal_announced_precision check ((announced_on is null) = (announced_precision is null)),
    constraint deal_completed_precision check ((completed_on is null) = (completed_precision is null))
);
create index deal_announced on deal (announced_on, id);
create index deal_value_usd on deal (value_usd, id);
create index deal_updated_at on deal (updated_at, id);
create index deal_type on deal (type);
create index deal_status on deal (status);

create table deal_region (
    deal_id uuid not null references deal (id) on delete cascade,
    region  varchar(2) not null,
    primary key (deal_id, region)
);
create index deal_region_region on deal_region (region);

create table deal_participant (
    deal_id    uuid not null references deal (id) on delete cascade,
    position   integer not null,
    company_id uuid not null,
    role       varchar(20) not null,
    note       varchar(500),
    primary key (deal_id, position)
);
create index deal_participant_company on deal_participant (company_id, role);

create table deal_source (
    deal_id      uuid not null references deal (id) on delete cascade,
    position     integer not null,
    kind         varchar(30) not null,
    publisher    varchar(200),
    title        varchar(500),
    url          varchar(2000),
    published_on date,
    note         varchar(1000),
    primary key (deal_id, position)
);

create table deal_status_change (
    id                    uuid primary key,
    deal_id               uuid not null references deal (id) on delete cascade,
    sequence              integer not null,
    from_status           varchar(20),
    to_status             varchar(20) not null,
    effective_on          date,
    effective_precision   varchar(5),
    note                  varchar(2000),
    source_kind           varchar(30),
    source_publisher      varchar(200),
    source_title          varchar(500),
    source_url            varchar(2000),
    source_published_on   date,
    source_note           varchar(1000),
    recorded_at           timestamp with time zone not null,
    constraint deal_status_change_sequence unique (deal_id, sequence)
);
