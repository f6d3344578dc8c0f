-- PostgreSQL only (this folder is not in the local profile's Flyway locations; H2 has no operator classes).
-- Name search is "term LIKE 'prefix%'". A plain btree on term serves LIKE only under the C collation, and the
-- databases here use C.UTF-8 (production clusters may use any locale): with 100,000 companies the search read every
-- term (bench/scale.sh, plans in its notes). varchar_pattern_ops compares byte-wise, which LIKE prefixes can use in
-- every locale. Versions are shared with db/migration: the next migration there is V4.
create index company_search_term_prefix on company_search_term (term varchar_pattern_ops);
