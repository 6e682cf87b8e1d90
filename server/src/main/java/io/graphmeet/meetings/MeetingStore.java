package io.graphmeet.meetings;

import io.graphmeet.failure.StoreUnavailableException;
import java.time.Instant;
import java.util.List;
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

    /** The meeting of {@code tenantId} with this id, if it has not expired at {@code now}. A read without locks. */
    Optional<Meeting> findById(String tenantId, String meetingId, Instant now);

    /** The meeting of {@code tenantId} with this join meeting id, if it has not expired at {@code now}. */
    Optional<Meeting> findByJoinMeetingId(String tenantId, String joinMeetingId, Instant now);

    /**
     * One page of the tenant's meetings live at {@code now} that {@code search} selects, ordered by start time,
     * then id: {@code search.limit()} at most, after skipping {@code search.offset()}. A read without locks, for
     * inspection: pages read while meetings are added or deleted may repeat or miss one.
     */
    List<Meeting> search(String tenantId, MeetingSearch search, Instant now);

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
     * many, can never both get {@link Inserted} for one key. A candidate without an external id (plain
     * create) holds no key: it is inserted unless one of its identifiers is taken.
     *
     * @throws StoreUnavailableException if the outcome is unknown (nothing may be acknowledged)
     */
    InsertResult insertUnlessKeyTaken(Meeting candidate, Instant now);

    /**
     * Replaces the stored meeting with the same tenant and id by {@code changed}, a compare-and-set on the
     * revision: the write happens only if the stored meeting is live at {@code now} and still has revision
     * {@code changed.revision() - 1}, and it is committed durably before this returns {@link Updated}.
     * Identity, identifiers, creation time and external id are never rewritten.
     *
     * <ul>
     *   <li>{@link Updated}: {@code changed} is now the stored meeting.</li>
     *   <li>{@link Stale}: a live meeting exists but another writer changed it first; nothing was written,
     *       the caller may re-read and retry.</li>
     *   <li>{@link Gone}: no live meeting has that id (never existed, deleted or expired); nothing was
     *       written.</li>
     * </ul>
     *
     * @throws StoreUnavailableException if the outcome is unknown
     */
    UpdateResult update(Meeting changed, Instant now);

    /**
     * Deletes the meeting of {@code tenantId} with this id if it is live at {@code now}, durably, and says
     * whether it did. Its key, join link and join meeting id are free again afterwards. Of two concurrent
     * deletes of one meeting exactly one returns true.
     *
     * @throws StoreUnavailableException if the outcome is unknown
     */
    boolean delete(String tenantId, String meetingId, Instant now);

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

    /** The outcome of {@link #update}. */
    sealed interface UpdateResult {}

    /** The change is stored. */
    record Updated() implements UpdateResult {}

    /** Someone else updated the meeting first; nothing was written. */
    record Stale() implements UpdateResult {}

    /** No live meeting has that id; nothing was written. */
    record Gone() implements UpdateResult {}
}
