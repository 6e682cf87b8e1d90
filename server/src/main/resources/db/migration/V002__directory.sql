-- The directory: tenants, known users, application access policies and their grants.
CREATE TABLE tenants (
    id           TEXT PRIMARY KEY,
    display_name TEXT
);

CREATE TABLE users (
    tenant_id    TEXT NOT NULL,
    id           TEXT NOT NULL,
    upn          TEXT,
    upn_lower    TEXT,
    display_name TEXT,
    PRIMARY KEY (tenant_id, id)
);

CREATE UNIQUE INDEX users_by_upn ON users (tenant_id, upn_lower);

CREATE TABLE access_policies (
    tenant_id TEXT NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

CREATE TABLE access_policy_apps (
    tenant_id   TEXT NOT NULL,
    policy_name TEXT NOT NULL,
    app_id      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, policy_name, app_id)
);

CREATE TABLE user_policy_grants (
    tenant_id   TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    policy_name TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE tenant_policy_grants (
    tenant_id   TEXT PRIMARY KEY,
    policy_name TEXT NOT NULL
);
