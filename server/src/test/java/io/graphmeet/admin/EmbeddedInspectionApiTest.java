package io.graphmeet.admin;

import io.graphmeet.testing.Backend;

class EmbeddedInspectionApiTest extends InspectionApiContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
