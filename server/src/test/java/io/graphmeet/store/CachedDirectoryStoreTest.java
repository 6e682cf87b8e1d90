package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.directory.DirectoryStore;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Issue 8 finding 3: the directory cache remembers misses for ids only, never for a caller's arbitrary text. */
class CachedDirectoryStoreTest {

    private static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";

    private final AtomicInteger queries = new AtomicInteger();
    private final CachedDirectoryStore cached = new CachedDirectoryStore(emptyStore(), DirectoryRevision.local());

    @Test
    void aMissedUpnIsAskedAgainNotRemembered() {
        String upn = "x".repeat(3_000) + "@contoso.com";

        cached.userByUpn(TENANT, upn);
        cached.userByUpn(TENANT, upn);

        assertThat(queries).hasValue(2);
    }

    @Test
    void aMissedTextThatIsNoGuidIsAskedAgain() {
        cached.tenant("not-a-tenant-id");
        cached.tenant("not-a-tenant-id");
        cached.userById(TENANT, "megan@contoso.com");
        cached.userById(TENANT, "megan@contoso.com");

        assertThat(queries).hasValue(4);
    }

    @Test
    void aMissedGuidIsRemembered() {
        cached.userById(TENANT, "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");
        cached.userById(TENANT, "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");

        assertThat(queries).hasValue(1);
    }

    /** A directory that knows nobody and counts the lookups that reach it. */
    private DirectoryStore emptyStore() {
        return (DirectoryStore) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DirectoryStore.class}, (proxy, method, arguments) -> {
                    if (method.getReturnType() == Optional.class) {
                        queries.incrementAndGet();
                        return Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
