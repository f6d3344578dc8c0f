-- The delivery log is purged with the feed's retention (Deliveries#purge): completed deliveries and attempts older than
-- the cutoff. These indexes let the hourly purge find them without reading the whole tables.
create index webhook_attempt_attempted_at on webhook_attempt (attempted_at);
create index webhook_delivery_completed_at on webhook_delivery (completed_at);
