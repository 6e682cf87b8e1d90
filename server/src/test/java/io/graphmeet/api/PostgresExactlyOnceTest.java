package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class PostgresExactlyOnceTest extends ExactlyOnceContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
