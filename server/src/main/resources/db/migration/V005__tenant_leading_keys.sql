-- Every unique key of meetings leads with tenant_id, as the directory's already do, so the table can be
-- distributed by tenant on a sharded PostgreSQL (Citus requires unique keys to include the distribution
-- column) and every lookup of the hot path is a single-shard one. A meeting id embeds its organizer's id and
-- a random thread id, and join meeting ids are only ever looked up within a tenant, so uniqueness within the
-- tenant is all that was ever relied on. SQLite cannot change a primary key in place: the table is rebuilt,
-- which on a large table makes this migration's start-up slow once.
CREATE TABLE meetings_by_tenant (
    tenant_id       TEXT NOT NULL,
    id              TEXT NOT NULL,
    organizer_id    TEXT NOT NULL,
    external_id     TEXT,
    thread_id       TEXT NOT NULL,
    join_meeting_id TEXT NOT NULL,
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
    settings        TEXT NOT NULL,
    revision        BIGINT NOT NULL DEFAULT 1,
    updated_at      TEXT,
    PRIMARY KEY (tenant_id, id)
);

INSERT INTO meetings_by_tenant (tenant_id, id, organizer_id, external_id, thread_id, join_meeting_id, join_web_url,
        passcode, created_at, start_at, end_at, expires_at_ms, subject, organizer_upn, organizer_name, attendees,
        settings, revision, updated_at)
    SELECT tenant_id, id, organizer_id, external_id, thread_id, join_meeting_id, join_web_url, passcode, created_at,
        start_at, end_at, expires_at_ms, subject, organizer_upn, organizer_name, attendees, settings, revision,
        updated_at
    FROM meetings;

DROP TABLE meetings;

ALTER TABLE meetings_by_tenant RENAME TO meetings;

CREATE UNIQUE INDEX meetings_by_external_key ON meetings (tenant_id, organizer_id, external_id);

CREATE UNIQUE INDEX meetings_by_join_meeting_id ON meetings (tenant_id, join_meeting_id);
