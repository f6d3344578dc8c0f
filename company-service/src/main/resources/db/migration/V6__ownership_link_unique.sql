-- One link per owner, owned company and type: a second "A holds B as a subsidiary" is a 409 naming
-- the first. The service checks before it writes, with both companies' rows locked; this constraint is what keeps two
-- concurrent creates (or a write that bypasses the service) from both succeeding. The seed data has no such pair. A
-- database that already holds duplicates must be cleaned up first (keep one link of each pair, delete the others):
--   select owner_id, owned_id, type, count(*) from ownership_link group by owner_id, owned_id, type having count(*) > 1;
-- The constraint's index also serves the lookups by owner (its first column).
alter table ownership_link add constraint ownership_link_unique_pair unique (owner_id, owned_id, type);
