package io.graphmeet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    private static final String COLUMNS = "id, tenant_id, organizer_id, external_id, thread_id, join_meeting_id, "
            + "join_web_url, passcode, created_at, start_at, end_at, expires_at_ms, subject, organizer_upn, "
            + "organizer_name, attendees, settings";
    private static final String INSERT = "INSERT INTO meetings (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String SELECT_BY_KEY = "SELECT " + COLUMNS + " FROM meetings "
            + "WHERE tenant_id = ? AND organizer_id = ? AND external_id = ?";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<Attendee>> ATTENDEES = new TypeReference<>() {};

    private final Database database;

    JdbcMeetingStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Meeting> findByKey(MeetingKey key, Instant now) {
        return database.read(connection -> selectByKey(connection, key))
                .filter(meeting -> isLive(meeting, now));
    }

    @Override
    public InsertResult insertUnlessKeyTaken(Meeting candidate, Instant now) {
        MeetingKey key = new MeetingKey(candidate.tenantId(), candidate.organizer().id(), candidate.externalId());
        return database.write(connection -> {
            while (true) {
                if (insert(connection, candidate) == 1) {
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

    @Override
    public int deleteAllOfTenant(String tenantId) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM meetings WHERE tenant_id = ?")) {
                delete.setString(1, tenantId);
                return delete.executeUpdate();
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
            query.setString(1, key.tenantId());
            query.setString(2, key.organizerId());
            query.setString(3, key.externalId());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(meetingOf(rows)) : Optional.empty();
            }
        }
    }

    private static void deleteById(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM meetings WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    private static Meeting meetingOf(ResultSet row) throws SQLException {
        String tenantId = row.getString("tenant_id");
        Person organizer = new Person(row.getString("organizer_id"), tenantId, row.getString("organizer_upn"),
                row.getString("organizer_name"));
        return new Meeting(
                row.getString("id"),
                tenantId,
                organizer,
                row.getString("external_id"),
                row.getString("thread_id"),
                row.getString("join_web_url"),
                row.getString("join_meeting_id"),
                row.getString("passcode"),
                timestamp(row, "created_at"),
                timestamp(row, "start_at"),
                timestamp(row, "end_at"),
                row.getString("subject"),
                parse(row.getString("attendees"), ATTENDEES),
                parse(row.getString("settings"), new TypeReference<MeetingSettings>() {}));
    }

    private static Timestamp timestamp(ResultSet row, String column) throws SQLException {
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

    private static <T> T parse(String text, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot decode stored column value", e);
        }
    }
}
