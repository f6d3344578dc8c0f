-- Portable between PostgreSQL (production, tests) and H2 in PostgreSQL mode (local run).
-- Companies and deals live in their own services: their ids are kept here without foreign keys.
create table region (
    code        varchar(2)   primary key,
    name        varchar(200) not null,
    description varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null
);

create table region_source (
    region_code  varchar(2) not null references region (code) on delete cascade,
    position     integer not null,
    kind         varchar(30) not null,
    publisher    varchar(200),
    title        varchar(500),
    url          varchar(2000),
    published_on date,
    note         varchar(1000),
    primary key (region_code, position)
);

-- Trigger rules, clocks and authorities are JSON documents (validated by the API before writing).
create table regime (
    id            uuid primary key,
    code          varchar(40)  not null unique,
    name          varchar(300) not null,
    region_code   varchar(2)   not null references region (code),
    kind          varchar(40)  not null,
    mandatory     boolean      not null,
    suspensory    boolean      not null,
    in_force_from date,
    in_force_to   date,
    legal_basis   varchar(1000),
    description   varchar(4000),
    authorities   varchar(4000)  not null,
    trigger_rules varchar(20000) not null,
    clocks        varchar(20000) not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null
);
create index regime_region on regime (region_code, code);

create table regime_source (
    regime_id    uuid not null references regime (id) on delete cascade,
    position     integer not null,
    kind         varchar(30) not null,
    publisher    varchar(200),
    title        varchar(500),
    url          varchar(2000),
    published_on date,
    note         varchar(1000),
    primary key (regime_id, position)
);

create table regulatory_matter (
    id          uuid primary key,
    deal_id     uuid,
    company_id  uuid,
    regime_id   uuid not null references regime (id),
    region_code varchar(2) not null,
    title       varchar(300),
    status      varchar(30) not null,
    stage       varchar(200),
    opened_on   date,
    decided_on  date,
    outcome     varchar(2000),
    basis       varchar(20) not null,
    basis_note  varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null,
    constraint regulatory_matter_subject check (deal_id is not null or company_id is not null)
);
create index regulatory_matter_created on regulatory_matter (created_at, id);
create index regulatory_matter_deal on regulatory_matter (deal_id);
create index regulatory_matter_company on regulatory_matter (company_id);
create index regulatory_matter_regime on regulatory_matter (regime_id);
create index regulatory_matter_region on regulatory_matter (region_code);

create table matter_condition (
    matter_id   uuid not null references regulatory_matter (id) on delete cascade,
    position    integer not null,
    description varchar(2000) not null,
    primary key (matter_id, position)
);

create table matter_clock_stop (
    matter_id uuid not null references regulatory_matter (id) on delete cascade,
    position  integer not null,
    from_date date not null,
    to_date   date,
    reason    varchar(1000),
    primary key (matter_id, position)
);

create table matter_extension (
    matter_id     uuid not null references regulatory_matter (id) on delete cascade,
    position      integer not null,
    clock         varchar(40) not null,
    code          varchar(40),
    period_length integer,
    period_unit   varchar(20),
    granted_on    date,
    note          varchar(1000),
    primary key (matter_id, position)
);

create table matter_status_change (
    matter_id   uuid not null references regulatory_matter (id) on delete cascade,
    position    integer not null,
    status      varchar(30) not null,
    changed_on  date,
    note        varchar(1000),
    recorded_at timestamp with time zone not null,
    primary key (matter_id, position)
);

create table matter_source (
    matter_id    uuid not null references regulatory_matter (id) on delete cascade,
    position     integer not null,
    kind         varchar(30) not null,
    publisher    varchar(200),
    title        varchar(500),
    url          varchar(2000),
    published_on date,
    note         varchar(1000),
    primary key (matter_id, position)
);

create table certification (
    id          uuid primary key,
    company_id  uuid not null,
    region_code varchar(2),
    scheme      varchar(40) not null,
    report_type varchar(20),
    scope       varchar(2000),
    auditor     varchar(200),
    valid_from  date,
    valid_to    date,
    status      varchar(20) not null,
    matter_id   uuid references regulatory_matter (id),
    basis       varchar(20) not null,
    basis_note  varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null
);
create index certification_created on certification (created_at, id);
create index certification_company on certification (company_id);

create table certification_source (
    certification_id uuid not null references certification (id) on delete cascade,
    position         integer not null,
    kind             varchar(30) not null,
    publisher        varchar(200),
    title            varchar(500),
    url              varchar(2000),
    published_on     date,
    note             varchar(1000),
    primary key (certification_id, position)
);
