package io.graphmeet.issuer;

import io.graphmeet.testing.Backend;

class PostgresTokenEndpointTest extends TokenEndpointContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
