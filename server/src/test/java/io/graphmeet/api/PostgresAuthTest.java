package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class PostgresAuthTest extends AuthContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
