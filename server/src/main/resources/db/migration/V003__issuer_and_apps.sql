-- The built-in token issuer's signing keys, and the directory's app registrations and sign-in credentials.
-- Private keys are stored as JWK JSON: the built-in issuer is for development and tests only.
CREATE TABLE issuer_keys (
    kid           TEXT PRIMARY KEY,
    private_jwk   TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    retire_at_ms  BIGINT
);

CREATE TABLE apps (
    tenant_id            TEXT NOT NULL,
    app_id               TEXT NOT NULL,
    service_principal_id TEXT NOT NULL,
    display_name         TEXT,
    permissions          TEXT NOT NULL,
    PRIMARY KEY (tenant_id, app_id)
);

CREATE TABLE app_secrets (
    tenant_id     TEXT NOT NULL,
    app_id        TEXT NOT NULL,
    secret_id     TEXT NOT NULL,
    secret_hash   TEXT NOT NULL,
    hint          TEXT,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, app_id, secret_id)
);

CREATE TABLE user_passwords (
    tenant_id     TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
