package io.graphmeet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testkit.GraphmeetServer;
import io.graphmeet.testkit.TestTenant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered in code, with a setting, instead of the annotation. */
class RegisteredExtensionTest {

    @RegisterExtension
    static final GraphmeetExtension GRAPHMEET = GraphmeetExtension.perClass().setting("issuer.tokenLifetime", "PT9M");

    private static final Set<String> SERVERS = ConcurrentHashMap.newKeySet();

    @RepeatedTest(2)
    void servesTheClassWithItsSettings(GraphmeetServer graphmeet, TestTenant tenant) {
        SERVERS.add(graphmeet.baseUrl());
        long left = tenant.userToken().expiresAt().getEpochSecond() - System.currentTimeMillis() / 1000;
        assertThat(left).isBetween(9 * 60L - 30, 9 * 60L);
    }

    @AfterAll
    static void oneServer() {
        assertThat(SERVERS).hasSize(1);
    }
}
