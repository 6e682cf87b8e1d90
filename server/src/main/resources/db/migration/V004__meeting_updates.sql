-- Meetings change after creation (PATCH). revision makes an update a compare-and-set, so two concurrent
-- updates never overwrite each other; updated_at is the last update, which extends the meeting's life
-- (expiry = the later of end and last update, plus 60 days; expires_at_ms keeps that value for queries).
ALTER TABLE meetings ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;

ALTER TABLE meetings ADD COLUMN updated_at TEXT;
