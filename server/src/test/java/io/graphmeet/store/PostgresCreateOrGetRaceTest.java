package io.graphmeet.store;

import io.graphmeet.testing.Backend;

class PostgresCreateOrGetRaceTest extends CreateOrGetRaceContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
