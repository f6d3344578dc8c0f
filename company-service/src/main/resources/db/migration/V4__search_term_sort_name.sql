-- Each search term carries its company's sort name, so that a name-prefix search sorted by name takes its page from
-- the prefix index alone (db/postgresql/V5) instead of reading every matching company to sort it (issue #14:
-- "telv" matches 585 of 100,000 companies). Company#rename keeps the copy equal to company.sort_name.
alter table company_search_term add column sort_name varchar(200);
update company_search_term set sort_name = (select c.sort_name from company c where c.id = company_search_term.company_id);
alter table company_search_term alter column sort_name set not null;
