-- Calendar subscriptions (issue #16): a calendar client cannot send headers, so it presents a token of its own in
-- the feed URL. The token is shown once; only its SHA-256 (hex) and short public prefix are kept, as for API keys.
-- A subscription reads as its owner (a partner, or a Keycloak user) with the viewer role only, and only the
-- filters fixed here. V3 (not V2) leaves V2 to the event-feed work on the gateway that runs at the same time.
create table calendar_subscription (
    id            uuid primary key,
    prefix        varchar(16)  not null unique,
    token_hash    varchar(64)  not null,
    name          varchar(200),
    owner_kind    varchar(10)  not null,
    partner_id    uuid references partner (id),
    created_key_id uuid,
    user_subject  varchar(200),
    user_name     varchar(200),
    region_code   varchar(2),
    deal_id       uuid,
    company_id    uuid,
    created_at    timestamp with time zone not null,
    created_by    varchar(200) not null,
    revoked_at    timestamp with time zone,
    revoked_by    varchar(200),
    last_used_at  timestamp with time zone,
    version       bigint not null
);
create index calendar_subscription_partner on calendar_subscription (partner_id, created_at, id);
create index calendar_subscription_user on calendar_subscription (user_subject, created_at, id);
