package io.graphmeet.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.graphmeet.api.json.MeetingJson;
import io.graphmeet.api.json.MeetingView;
import io.graphmeet.meetings.Meeting;

/**
 * Response bodies of meetings, remembered by id and revision: a replayed createOrGet costs a lookup instead of
 * a render, and every change to a meeting raises its revision, so nothing stale is sent.
 */
final class RenderedMeetings {

    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private final MeetingJson json;
    private final Cache<Key, byte[]> bodies = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key key, byte[] body) -> body.length)
            .build();

    RenderedMeetings(MeetingJson json) {
        this.json = json;
    }

    byte[] entity(Meeting meeting, MeetingView view) {
        return bodies.get(new Key(meeting.id(), meeting.revision(), view), key -> json.entity(meeting, view));
    }

    private record Key(String id, long revision, MeetingView view) {}
}
