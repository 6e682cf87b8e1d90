package io.graphmeet.admin;

import io.graphmeet.testing.Backend;

class EmbeddedAdminApiTest extends AdminApiContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
