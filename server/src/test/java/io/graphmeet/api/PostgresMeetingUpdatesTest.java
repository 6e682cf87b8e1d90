package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class PostgresMeetingUpdatesTest extends MeetingUpdatesContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
