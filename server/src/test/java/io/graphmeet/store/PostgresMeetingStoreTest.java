package io.graphmeet.store;

import io.graphmeet.testing.Backend;

class PostgresMeetingStoreTest extends MeetingStoreContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
