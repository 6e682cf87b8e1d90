package io.graphmeet.store;

import io.graphmeet.testing.Backend;

class EmbeddedMeetingStoreTest extends MeetingStoreContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
