package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.User;
import io.graphmeet.testing.Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class PostgresDirectoryStoreTest extends DirectoryStoreContract {

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }

    /** Another node remembers what it read until the change notice reaches it, promptly. */
    @Test
    void aWriteOnOneNodeReachesAnotherNodeThatRememberedTheOldValue() {
        String tenant = newTenant();
        String userId = guid();
        directory.putUser(new User(tenant, userId, null, "Before"));
        try (Database otherNode = StoreFixture.open(storage)) {
            DirectoryStore other = otherNode.directory();
            assertThat(other.userById(tenant, userId).orElseThrow().displayName())
                    .isEqualTo("Before");

            directory.putUser(new User(tenant, userId, null, "After"));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
            Optional<User> seen = other.userById(tenant, userId);
            while (!seen.orElseThrow().displayName().equals("After")
                    && Instant.now().isBefore(deadline)) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                seen = other.userById(tenant, userId);
            }
            assertThat(seen.orElseThrow().displayName()).isEqualTo("After");
        }
    }
}
