package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class PostgresCreateOrGetTest extends CreateOrGetContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
