-- The time zone of each region's authorities: "today" for its regimes, matters and certifications is the date there
-- (a certificate valid until 4 December has lapsed in China from 16:00 UTC). Regions the API created count in UTC, as
-- every region did before, until an analyst names their zone. The seeded regions get their authorities' zones here
-- (also where an analyst edited the row, which keeps it from the seed's corrections): the seat of the regulators the
-- seed follows (SAMR, MIIT and CAC in Beijing; BMWK, BSI and the Bundeskartellamt in Berlin and Bonn; the CMA and the
-- ISU in London; the Commission in Brussels; CFIUS in Washington).
alter table region add column time_zone varchar(64) default 'UTC' not null;
update region set time_zone = case code
    when 'CN' then 'Asia/Shanghai'
    when 'DE' then 'Europe/Berlin'
    when 'GB' then 'Europe/London'
    when 'FR' then 'Europe/Paris'
    when 'ES' then 'Europe/Madrid'
    when 'US' then 'America/New_York'
    when 'EU' then 'Europe/Brussels'
    else time_zone end;
