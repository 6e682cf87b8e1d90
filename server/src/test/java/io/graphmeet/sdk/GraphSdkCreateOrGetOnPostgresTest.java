package io.graphmeet.sdk;

import io.graphmeet.testing.Backend;

/** {@link GraphSdkCreateOrGetTest} on PostgreSQL. */
class GraphSdkCreateOrGetOnPostgresTest extends GraphSdkCreateOrGetTest {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
