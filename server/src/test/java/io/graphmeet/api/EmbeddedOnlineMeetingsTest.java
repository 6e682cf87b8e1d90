package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class EmbeddedOnlineMeetingsTest extends OnlineMeetingsContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
