package io.graphmeet.observe;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * What graphmeet measures, as calls at the places things happen (in the manner of HikariCP's
 * {@code IMetricsTracker}); every method is cheap and never fails the caller.
 */
public interface Metrics {

    /** Records nothing: for stores and routes built without monitoring. */
    Metrics NONE = new Metrics() {};

    /** A Graph request answered with {@code status} after {@code durationNanos}. */
    default void recordRequest(GraphOperation operation, int status, long durationNanos) {}

    /** A createOrGet that created a meeting ({@code true}) or returned the existing one. */
    default void recordCreateOrGet(boolean created) {}

    default void recordTokenVerification(TokenVerification result) {}

    /** A request refused with 429 by the named throttling {@code limit}. */
    default void recordThrottled(GraphOperation operation, String limit) {}

    /** One group commit: {@code batchSize} writes committed in one transaction taking {@code commitNanos}. */
    default void recordGroupCommit(int batchSize, long commitNanos) {}

    /** The registry libraries that measure themselves report into (HikariCP's pools), when there is one. */
    default Optional<MeterRegistry> registry() {
        return Optional.empty();
    }
}
