package io.graphmeet.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingKey;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The meeting of each createOrGet key, remembered so that a replay costs no query — only on a database that
 * this process alone writes (the embedded file). It stays exact because every committed change reaches it on
 * the writer thread, in commit order, and a reader adds what it read only if no change committed meanwhile.
 */
final class MeetingsByKey {

    /** Bounded by memory, not by count: a caller decides how large each meeting is. */
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    private final boolean enabled;
    private final Cache<MeetingKey, Meeting> meetings = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((MeetingKey key, Meeting meeting) ->
                    CacheWeights.meeting(meeting) + (int) CacheWeights.chars(key.externalId()))
            .build();
    private final AtomicLong commits = new AtomicLong();

    MeetingsByKey(boolean enabled) {
        this.enabled = enabled;
    }

    /** The live meeting of {@code key}: remembered, or read by {@code load} (which returns only live ones). */
    Optional<Meeting> find(MeetingKey key, Instant now, Supplier<Optional<Meeting>> load) {
        if (!enabled) {
            return load.get();
        }
        Meeting remembered = meetings.getIfPresent(key);
        if (remembered != null && remembered.isLiveAt(now)) {
            return Optional.of(remembered);
        }
        long before = commits.get();
        Optional<Meeting> loaded = load.get();
        loaded.ifPresent(meeting ->
                meetings.asMap().compute(key, (k, current) -> commits.get() == before ? meeting : current));
        return loaded;
    }

    /** On the writer thread, after the commit that stored {@code meeting} under its key. */
    void stored(Meeting meeting) {
        commits.incrementAndGet();
        if (enabled && meeting.externalId() != null) {
            meetings.put(new MeetingKey(meeting.tenantId(), meeting.organizer().id(), meeting.externalId()), meeting);
        }
    }

    /** On the writer thread, after a commit that changed or removed meetings in ways not worth tracing. */
    void changed() {
        commits.incrementAndGet();
        meetings.invalidateAll();
    }
}
