package io.graphmeet.issuer;

import io.graphmeet.testing.Backend;

class EmbeddedTokenEndpointTest extends TokenEndpointContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
