package io.graphmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Reports how long a graphmeet takes to start in a JVM that has started one before, as a test class after the
 * first pays it (the target is under 300 ms). A report, not a timed assertion: the figures land in the test report
 * ({@code graphmeet.startupMillis}) and the log; what is asserted is that every server served.
 */
class StartupTimesTest {

    private static final int STARTS = 5;

    @Test
    void reportsTheStartUpTimeOfServersAfterTheFirst(TestReporter reporter) {
        try (GraphmeetServer first = GraphmeetServer.start()) {
            assertThat(first.admin().get("/admin/v1/tenants").path("value").isArray())
                    .isTrue();
            reporter.publishEntry(
                    "graphmeet.firstStartupMillis",
                    Long.toString(first.startup().toMillis()));
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            try (GraphmeetServer next = GraphmeetServer.start()) {
                assertThat(next.admin().get("/admin/v1/tenants").path("value").isArray())
                        .isTrue();
                millis.add(next.startup().toMillis());
            }
        }
        reporter.publishEntry("graphmeet.startupMillis", millis.toString());
        System.out.println("graphmeet start-up after the first, ms: " + millis);
        assertThat(millis).hasSize(STARTS);
    }
}
