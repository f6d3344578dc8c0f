-- When the request that claimed a key can no longer commit: its caller's deadline (X-Request-Timeout-Ms), plus a
-- margin. A retry may take over an unfinished claim after it, instead of after the 2 minutes that bound a request
-- without a deadline. Null for a claim of a request without one (and for every claim made before this column).
alter table idempotency_record add column claim_expires_at timestamp with time zone;
