-- Portable between PostgreSQL (production, tests) and H2 in PostgreSQL mode (local run).
create table company (
    id                uuid primary key,
    slug              varchar(80)  not null unique,
    name              varchar(200) not null,
    sort_name         varchar(200) not null,
    legal_name        varchar(300),
    country           varchar(2)   not null,
    headquarters_city varchar(100),
    kind              varchar(20)  not null,
    ownership         varchar(20),
    lei               varchar(20) unique,
    wikidata_qid      varchar(20) unique,
    description       varchar(2000),
    status            varchar(10)  not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint not null
);
create index company_sort_name on company (sort_name, id);
create index company_updated_at on company (updated_at, id);
create index company_country on company (country);

create table company_alias (
    company_id uuid not null references company (id) on delete cascade,
    position   integer not null,
    alias      varchar(200) not null,
    primary key (company_id, position)
);

create table company_search_term (
    company_id uuid not null references company (id) on delete cascade,
    term       varchar(200) not null,
    primary key (company_id, term)
);
create index company_search_term_term on company_search_term (term);

create table company_sector (
    company_id uuid not null references company (id) on delete cascade,
    sector     varchar(40) not null,
    primary key (company_id, sector)
);

create table company_listing (
    company_id uuid not null references company (id) on delete cascade,
    position   integer not null,
    exchange   varchar(20) not null,
    ticker     varchar(20) not null,
    primary key (company_id, position)
);

create table company_source (
    company_id   uuid not null references company (id) on delete cascade,
    position     integer not null,
    kind         varchar(30) not null,
    publisher    varchar(200),
    title        varchar(500),
    url          varchar(2000),
    published_on date,
    note         varchar(1000),
    primary key (company_id, position)
);

create table ownership_link (
    id            uuid primary key,
    owner_id      uuid not null references company (id),
    owned_id      uuid not null references company (id),
    type          varchar(20) not null,
    stake_percent numeric(5, 2),
    valid_from    date,
    valid_to      date,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null,
    constraint ownership_link_not_self check (owner_id <> owned_id)
);
create index ownership_link_owner on ownership_link (owner_id);
create index ownership_link_owned on ownership_link (owned_id);

create table ownership_link_source (
    link_id      uuid not null references ownership_link (id) on delete cascade,
    position     integer not null,
    kind         varchar(30) not null,
    publisher    varchar(200),
    title        varchar(500),
    url          varchar(2000),
    published_on date,
    note         varchar(1000),
    primary key (link_id, position)
);
