package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class EmbeddedAuthTest extends AuthContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
