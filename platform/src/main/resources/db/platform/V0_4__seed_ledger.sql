-- Which seed entries a database has had (platform SeedLedger). The seeders add what a database lacks at every start;
-- without this, a seeded row deleted through the API (an ownership link, a deal) came back at the next start of any
-- replica, with no event for partners. An entry is recorded once, when it is first added (or found), and never again.
create table seed_ledger (
    kind varchar(40) not null,
    id   uuid        not null,
    primary key (kind, id)
);
