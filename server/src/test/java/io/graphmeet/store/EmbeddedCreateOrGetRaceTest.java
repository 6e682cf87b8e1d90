package io.graphmeet.store;

import io.graphmeet.testing.Backend;

class EmbeddedCreateOrGetRaceTest extends CreateOrGetRaceContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
