package io.graphmeet.admin;

import io.graphmeet.testing.Backend;

class PostgresAdminApiTest extends AdminApiContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
