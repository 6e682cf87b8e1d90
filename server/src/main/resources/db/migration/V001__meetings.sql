-- One row per online meeting. The unique index on (tenant, organizer, external id) is what makes
-- createOrGet exactly-once; NULL external ids (plain create) never collide. Every index costs pages in each
-- commit, so there are only three: the id (which also makes the thread id unique, being built from it, and
-- serves lookups by join link, which embeds it), the key, and the join meeting id.
CREATE TABLE meetings (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL,
    organizer_id    TEXT NOT NULL,
    external_id     TEXT,
    thread_id       TEXT NOT NULL,
    join_meeting_id TEXT NOT NULL UNIQUE,
    join_web_url    TEXT NOT NULL,
    passcode        TEXT,
    created_at      TEXT NOT NULL,
    start_at        TEXT NOT NULL,
    end_at          TEXT NOT NULL,
    expires_at_ms   BIGINT NOT NULL,
    subject         TEXT,
    organizer_upn   TEXT,
    organizer_name  TEXT,
    attendees       TEXT NOT NULL,
    settings        TEXT NOT NULL
);

CREATE UNIQUE INDEX meetings_by_external_key ON meetings (tenant_id, organizer_id, external_id);
