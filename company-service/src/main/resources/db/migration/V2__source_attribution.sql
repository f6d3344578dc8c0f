-- Sources name their author apart from their publisher, the precision of their date, and which fields are inferred or not stated (issue 15).
alter table company_source add column author varchar(200);
alter table company_source add column published_precision varchar(5);
alter table company_source add column inferred varchar(100);
alter table company_source add column not_stated varchar(100);
alter table ownership_link_source add column author varchar(200);
alter table ownership_link_source add column published_precision varchar(5);
alter table ownership_link_source add column inferred varchar(100);
alter table ownership_link_source add column not_stated varchar(100);
