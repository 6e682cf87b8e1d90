package io.graphmeet.store;

import io.graphmeet.testing.Backend;

class EmbeddedGroupCommitterTest extends GroupCommitterContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
