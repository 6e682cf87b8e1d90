package io.graphmeet.sdk;

import io.graphmeet.testing.Backend;

/** {@link GraphSdkOperationsTest} on PostgreSQL. */
class GraphSdkOperationsOnPostgresTest extends GraphSdkOperationsTest {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
