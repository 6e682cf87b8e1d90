package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class EmbeddedExactlyOnceTest extends ExactlyOnceContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
