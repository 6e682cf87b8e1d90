package io.graphmeet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testkit.GraphmeetServer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;

/** {@code @GraphmeetTest(lifecycle = PER_METHOD)}: a new graphmeet, on a new database, for each test. */
@GraphmeetTest(lifecycle = Lifecycle.PER_METHOD, settings = "issuer.tokenLifetime=PT7M")
class GraphmeetTestPerMethodTest {

    private static final Set<String> SERVERS = ConcurrentHashMap.newKeySet();

    @RepeatedTest(3)
    void everyTestHasItsOwnServerWithTheAnnotationsSettings(GraphmeetServer graphmeet) {
        SERVERS.add(graphmeet.baseUrl());
        assertThat(graphmeet.admin().get("/admin/v1/tenants").path("value"))
                .as("a database of its own")
                .isEmpty();
        long left = graphmeet.newTenant().appToken().expiresAt().getEpochSecond() - System.currentTimeMillis() / 1000;
        assertThat(left).isBetween(7 * 60L - 30, 7 * 60L);
    }

    @AfterAll
    static void threeServers() {
        assertThat(SERVERS).hasSize(3);
    }
}
