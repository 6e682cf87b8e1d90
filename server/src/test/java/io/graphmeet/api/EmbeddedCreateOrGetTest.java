package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class EmbeddedCreateOrGetTest extends CreateOrGetContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
