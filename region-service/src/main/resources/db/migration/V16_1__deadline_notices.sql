-- Issue #16: which deadline events have been written, so each is written once however many replicas run the job.
-- notice_key names the deadline (matter, clock, due day; or certification and its end of validity), kind the event.
-- The primary key is the guard: two replicas that both decide to write the same event race on this insert, and the
-- loser's transaction (its outbox event with it) rolls back.
create table deadline_notice (
    notice_key  varchar(200) not null,
    kind        varchar(60)  not null,
    recorded_at timestamp with time zone not null,
    primary key (notice_key, kind)
);
