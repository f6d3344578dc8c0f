-- Which seed entry wrote a region or regime row last (SHA-256 of the entry) and the row's version right after: a later
-- release's corrected seed entry replaces a row nobody has written through the API since, and leaves an edited one as
-- it is (RegionSeeder). Rows seeded before this migration have no mark; the seeder counts them as its own while their
-- version is still 0 (never written after the insert).
alter table region add column seed_digest varchar(64);
alter table region add column seed_version bigint;
alter table regime add column seed_digest varchar(64);
alter table regime add column seed_version bigint;
