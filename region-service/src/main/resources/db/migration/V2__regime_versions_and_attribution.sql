-- Issue 15: regime versions (rules over time), supranational regions with dated members, date precision of
-- matters and their history, and sources with author, date precision and inferred / not-stated marks.
alter table region add column kind varchar(20) default 'country' not null;
alter table region add column members varchar(8000) default '[]' not null;
alter table regime add column versions varchar(100000) default '[]' not null;
alter table regulatory_matter add column opened_precision varchar(5);
alter table matter_status_change add column on_precision varchar(5);
alter table region_source add column author varchar(200);
alter table region_source add column published_precision varchar(5);
alter table region_source add column inferred varchar(100);
alter table region_source add column not_stated varchar(100);
alter table regime_source add column author varchar(200);
alter table regime_source add column published_precision varchar(5);
alter table regime_source add column inferred varchar(100);
alter table regime_source add column not_stated varchar(100);
alter table matter_source add column author varchar(200);
alter table matter_source add column published_precision varchar(5);
alter table matter_source add column inferred varchar(100);
alter table matter_source add column not_stated varchar(100);
alter table certification_source add column author varchar(200);
alter table certification_source add column published_precision varchar(5);
alter table certification_source add column inferred varchar(100);
alter table certification_source add column not_stated varchar(100);
