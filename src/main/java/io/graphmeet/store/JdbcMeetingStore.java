package io.graphmeet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingKey;
import io.graphmeet.meetings.MeetingSettings;
import io.graphmeet.meetings.MeetingStore;
import io.graphmeet.meetings.Person;
import io.graphmeet.meetings.Timestamp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link MeetingStore} over JDBC, the same SQL on SQLite and PostgreSQL. */
final class JdbcMeetingStore implements MeetingStore {

    private static final String COLUMNS = "id, revision, tenant_id, organizer_id, external_id, thread_id, "
            + "join_meeting_id, join_web_url, passcode, created_at, start_at, end_at, expires_at_ms, subject, "
            + "organizer_upn, organizer_name, attendees, settings";
    private static final String INSERT = "INSERT INTO meetings (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String BY_KEY = " FROM meetings WHERE tenant_id = ? AND organizer_id = ? AND external_id = ?";
    private static final String SELECT_BY_KEY = "SELECT " + COLUMNS + BY_KEY;
    private static final String PROBE_BY_KEY = "SELECT id, revision, expires_at_ms" + BY_KEY;
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM meetings WHERE id = ?";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<Attendee>> ATTENDEES = new TypeReference<>() {};
    private static final TypeReference<MeetingSettings> SETTINGS = new TypeReference<>() {};
    /** Most meetings share a few settings and attendee lists: decode each distinct text once. */
    private static final Cache<String, Object> DECODED = Caffeine.newBuilder().maximumSize(10_000).build();

    private final Database database;
    /** Meetings read or written lately, by id; trusted only while their revision matches the row's. */
    private final Cache<String, Meeting> recent = Caffeine.newBuilder().maximumSize(50_000).build();

    JdbcMeetingStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Meeting> findByKey(MeetingKey key, Instant now) {
        return database.read(connection -> {
            try (PreparedStatement probe = connection.prepareStatement(PROBE_BY_KEY)) {
                bindKey(probe, key);
                try (ResultSet row = probe.executeQuery()) {
                    if (!row.next() || row.getLong(3) <= now.toEpochMilli()) {
                        return Optional.empty();
                    }
                    return Optional.of(current(connection, row.getString(1), row.getLong(2)));
                }
            }
        });
    }

    private Meeting current(Connection connection, String id, long revision) throws SQLException {
        Meeting cached = recent.getIfPresent(id);
        if (cached != null && cached.revision() == revision) {
            return cached;
        }
        try (PreparedStatement query = connection.prepareStatement(SELECT_BY_ID)) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("meeting " + id + " vanished between two reads");
                }
                Meeting loaded = meetingOf(row);
                recent.put(id, loaded);
                return loaded;
            }
        }
    }

    @Override
    public InsertResult insertUnlessKeyTaken(Meeting candidate, Instant now) {
        MeetingKey key = new MeetingKey(candidate.tenantId(), candidate.organizer().id(), candidate.externalId());
        return database.write(connection -> {
            while (true) {
                if (insert(connection, candidate) == 1) {
                    recent.put(candidate.id(), candidate);
                    return new Inserted();
                }
                Optional<Meeting> holder = selectByKey(connection, key);
                if (holder.isEmpty()) {
                    return new IdentifierTaken();
                }
                if (isLive(holder.get(), now)) {
                    return new KeyTaken(holder.get());
                }
                deleteById(connection, holder.get().id());
            }
        });
    }

    private static boolean isLive(Meeting meeting, Instant now) {
        return now.isBefore(meeting.expiryDateTime().instant());
    }

    private static int insert(Connection connection, Meeting meeting) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = 0;
            insert.setString(++i, meeting.id());
            insert.setLong(++i, meeting.revision());
            insert.setString(++i, meeting.tenantId());
            insert.setString(++i, meeting.organizer().id());
            insert.setString(++i, meeting.externalId());
            insert.setString(++i, meeting.threadId());
            insert.setString(++i, meeting.joinMeetingId());
            insert.setString(++i, meeting.joinWebUrl());
            insert.setString(++i, meeting.passcode());
            insert.setString(++i, meeting.creationDateTime().toString());
            insert.setString(++i, meeting.startDateTime().toString());
            insert.setString(++i, meeting.endDateTime().toString());
            insert.setLong(++i, meeting.expiryDateTime().instant().toEpochMilli());
            insert.setString(++i, meeting.subject());
            insert.setString(++i, meeting.organizer().upn());
            insert.setString(++i, meeting.organizer().displayName());
            insert.setString(++i, json(meeting.attendees()));
            insert.setString(++i, json(meeting.settings()));
            return insert.executeUpdate();
        }
    }

    private static Optional<Meeting> selectByKey(Connection connection, MeetingKey key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT_BY_KEY)) {
            bindKey(query, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(meetingOf(rows)) : Optional.empty();
            }
        }
    }

    private static void bindKey(PreparedStatement statement, MeetingKey key) throws SQLException {
        statement.setString(1, key.tenantId());
        statement.setString(2, key.organizerId());
        statement.setString(3, key.externalId());
    }

    private static void deleteById(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM meetings WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    /** Reads a row selected with {@link #COLUMNS}, by position. */
    private static Meeting meetingOf(ResultSet row) throws SQLException {
        String tenantId = row.getString(3);
        Person organizer = new Person(row.getString(4), tenantId, row.getString(15), row.getString(16));
        return new Meeting(
                row.getString(1),
                tenantId,
                organizer,
                row.getString(5),
                row.getString(6),
                row.getString(8),
                row.getString(7),
                row.getString(9),
                timestamp(row, 10),
                timestamp(row, 11),
                timestamp(row, 12),
                row.getString(14),
                decoded(row.getString(17), ATTENDEES),
                decoded(row.getString(18), SETTINGS),
                row.getLong(2));
    }

    private static Timestamp timestamp(ResultSet row, int column) throws SQLException {
        String text = row.getString(column);
        Timestamp parsed = Timestamp.parseOrNull(text);
        if (parsed == null) {
            throw new SQLException("stored " + column + " is not a timestamp: " + text);
        }
        return parsed;
    }

    private static String json(Object value) throws SQLException {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode column value", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T decoded(String text, TypeReference<T> type) throws SQLException {
        Object hit = DECODED.getIfPresent(text);
        if (hit != null) {
            return (T) hit;
        }
        try {
            T value = JSON.readValue(text, type);
            DECODED.put(text, value);
            return value;
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot decode stored column value", e);
        }
    }
}
