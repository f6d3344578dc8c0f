-- Indexes for deal search at scale (issue #14, bench/scale.sh; plans in its notes). Portable (PostgreSQL, H2).
-- The list's usual filter is a status, newest first: (status, announced_on, id) is an ordered range per status that
-- the keyset condition bounds, so page 1,000 costs what page 1 does; with a company filter the planner walks it and
-- checks participation per deal (primary key of deal_participant) when the company takes part in many deals.
create index deal_status_announced on deal (status, announced_on, id);
create index deal_status_value_usd on deal (status, value_usd, id);
-- A company's deals from the index alone (company and role filters, and the company-first plan for small companies).
create index deal_participant_company_deal on deal_participant (company_id, role, deal_id);
drop index deal_participant_company;
-- Replaced by the status-led indexes above (a status alone picks a seventh of the deals: the ordered ones serve it).
drop index deal_status;
