-- A company's deals of one status, newest first (the deal list with company and status filters), as one ordered index
-- range (issue #14, bench/scale.sh). Filtering deal_participant by company and then checking each deal's status and
-- date meant walking every deal of that status newest first until enough of them had the company: for a company in
-- 21,545 of 1,000,000 deals, about 20 index probes per result. One row per company and deal (a company in two roles
-- of a deal is one row), status and announced date copied from the deal by the deal-service on every write
-- (Deal#refreshParticipatingCompanies). Portable (PostgreSQL, H2).
create table deal_company (
    deal_id      uuid not null references deal (id) on delete cascade,
    company_id   uuid not null,
    status       varchar(20) not null,
    announced_on date,
    primary key (deal_id, company_id)
);
insert into deal_company (deal_id, company_id, status, announced_on)
select distinct p.deal_id, p.company_id, d.status, d.announced_on
from deal_participant p join deal d on d.id = p.deal_id;
create index deal_company_status_announced on deal_company (company_id, status, announced_on, deal_id);
create index deal_company_announced on deal_company (company_id, announced_on, deal_id);
