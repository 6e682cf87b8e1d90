package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class EmbeddedMeetingUpdatesTest extends MeetingUpdatesContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
