package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class PostgresRefusedValuesTest extends RefusedValuesContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
