-- Graph throttling emulation: request and meeting counts per limit scope and window, added to by every node.
CREATE TABLE throttle_counts (
    scope TEXT NOT NULL,
    window_start_ms BIGINT NOT NULL,
    count BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    PRIMARY KEY (scope, window_start_ms)
);
