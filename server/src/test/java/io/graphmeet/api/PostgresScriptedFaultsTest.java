package io.graphmeet.api;

import io.graphmeet.testing.Backend;

class PostgresScriptedFaultsTest extends ScriptedFaultsContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
