package io.graphmeet.store;

import io.graphmeet.testing.Backend;

class PostgresGroupCommitterTest extends GroupCommitterContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
