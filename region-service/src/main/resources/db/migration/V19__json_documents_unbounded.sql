-- A regime's authorities, trigger rules, clocks and versions and a region's members are JSON documents whose size the
-- API's validation bounds (so many items of so many characters each), not their columns. The columns were bounded
-- lower than validation allows (twenty rules of a thousand characters, or ten authority names whose quotes JSON
-- escapes, did not fit): a valid regime was refused. Unbounded varchar is the same type on PostgreSQL (no rewrite of
-- the table: varchar(n) to varchar is binary-coercible) and in H2's PostgreSQL mode; the request body limit (256 KiB)
-- bounds what a write can bring.
alter table regime alter column authorities set data type varchar;
alter table regime alter column trigger_rules set data type varchar;
alter table regime alter column clocks set data type varchar;
alter table regime alter column versions set data type varchar;
alter table region alter column members set data type varchar;
