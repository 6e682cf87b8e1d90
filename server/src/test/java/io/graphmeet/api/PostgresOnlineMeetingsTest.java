package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class PostgresOnlineMeetingsTest extends OnlineMeetingsContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
