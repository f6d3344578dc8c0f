-- PostgreSQL only, like V3. The prefix index carries the sort name and the company id, so a prefix search's first
-- page (the matching terms' companies in name order, CompanyRepository#search) is an index-only range scan plus a
-- top-N sort of the matches' index entries; only the companies on the page are read.
drop index company_search_term_prefix;
create index company_search_term_prefix on company_search_term (term varchar_pattern_ops) include (sort_name, company_id);
