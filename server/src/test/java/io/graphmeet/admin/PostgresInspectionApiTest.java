package io.graphmeet.admin;

import io.graphmeet.testing.Backend;

class PostgresInspectionApiTest extends InspectionApiContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
