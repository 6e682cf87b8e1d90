package io.graphmeet.meetings;

import java.time.Instant;
import java.util.Optional;

/**
 * Where meetings live. Implementations must be safe for any number of concurrent callers, in one
 * process and across processes sharing one database.
 */
public interface MeetingStore {

    /**
     * The meeting holding {@code key}, if it has not expired at {@code now}. A read without locks:
     * it may miss a meeting committed a moment ago, so it is never a reason to create one.
     */
    Optional<Meeting> findByKey(MeetingKey key, Instant now);

    /**
     * Stores {@code candidate} under its key unless another meeting already holds the key.
     *
     * <ul>
     *   <li>Key free (or held by a meeting that expired before {@code now}, which is then deleted):
     *       the candidate is inserted and committed durably before this returns {@link Inserted}.</li>
     *   <li>Key held by a live meeting: nothing is written; {@link KeyTaken} carries that meeting.</li>
     *   <li>Key free but the candidate's id, thread id or join meeting id belongs to another meeting:
     *       nothing is written; {@link IdentifierTaken} asks the caller to retry with new identifiers.</li>
     * </ul>
     *
     * Uniqueness of the key is enforced by the database, so two concurrent callers, on one node or on
     * many, can never both get {@link Inserted} for one key.
     *
     * @throws StoreUnavailableException if the outcome is unknown (nothing may be acknowledged)
     */
    InsertResult insertUnlessKeyTaken(Meeting candidate, Instant now);

    /**
     * Deletes every meeting of the tenant, live or expired, in one transaction committed before this returns;
     * their keys are free again at once. Meetings another caller inserts concurrently may survive.
     *
     * @return how many meetings were deleted
     */
    int deleteAllOfTenant(String tenantId);

    /** The outcome of {@link #insertUnlessKeyTaken}. */
    sealed interface InsertResult {}

    /** The candidate is now stored. */
    record Inserted() implements InsertResult {}

    /** A live meeting holds the key. */
    record KeyTaken(Meeting existing) implements InsertResult {}

    /** A generated identifier collided; retry with fresh ones. */
    record IdentifierTaken() implements InsertResult {}
}
