package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class EmbeddedRefusedValuesTest extends RefusedValuesContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
