package io.graphmeet.store;

import io.graphmeet.testing.Backend;

class EmbeddedDirectoryStoreTest extends DirectoryStoreContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }
}
