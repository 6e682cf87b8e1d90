package io.graphmeet.store;

import io.graphmeet.config.ConfigLoader;
import io.graphmeet.testing.Backend;
import java.nio.file.Path;
import java.util.Map;

/** Opens a real {@link Database} on a backend, empty, for the store contract suites. */
final class StoreFixture {

    private StoreFixture() {}

    /** Settings naming a new, empty store on {@code backend}; open them again to reach the same data. */
    static Map<String, String> newStorage(Backend backend, Path scratch) {
        return backend.newStorage(scratch);
    }

    static Database open(Map<String, String> storage) {
        return Database.open(ConfigLoader.load(null, storage).storage());
    }
}
