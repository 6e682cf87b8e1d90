package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class EmbeddedScriptedFaultsTest extends ScriptedFaultsContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
