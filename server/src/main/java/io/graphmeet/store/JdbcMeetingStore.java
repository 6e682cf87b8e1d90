package io.graphmeet.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.graphmeet.failure.StoreUnavailableException;
import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingKey;
import io.graphmeet.meetings.MeetingSearch;
import io.graphmeet.meetings.MeetingSettings;
import io.graphmeet.meetings.MeetingStore;
import io.graphmeet.meetings.Person;
import io.graphmeet.meetings.Timestamp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link MeetingStore} over JDBC, the same SQL on SQLite and PostgreSQL. */
final class JdbcMeetingStore implements MeetingStore {

    private static final String COLUMNS = "tenant_id, id, organizer_id, external_id, thread_id, join_meeting_id, "
            + "join_web_url, passcode, created_at, start_at, end_at, expires_at_ms, subject, organizer_upn, "
            + "organizer_name, attendees, settings, updated_at, revision";
    /** The columns of {@link #row}; a row is identified by its first two, the primary key. */
    private static final RowInsert INSERT = new RowInsert(
            "meetings",
            java.util.Arrays.stream(COLUMNS.split(", "))
                    .map(name -> new RowInsert.Column(
                            name, name.equals("expires_at_ms") || name.equals("revision") ? "bigint" : "text"))
                    .toList(),
            2);

    private static final String SELECT = "SELECT " + COLUMNS + " FROM meetings ";
    private static final String PROBE = "SELECT id, revision, expires_at_ms FROM meetings ";
    private static final String BY_KEY = "WHERE tenant_id = ? AND organizer_id = ? AND external_id = ?";
    private static final String BY_ID = "WHERE tenant_id = ? AND id = ?";
    private static final String BY_JOIN_MEETING_ID = "WHERE tenant_id = ? AND join_meeting_id = ?";
    private static final String SELECT_BY_KEY = SELECT + BY_KEY;
    private static final String SELECT_BY_ID = SELECT + BY_ID;
    private static final String UPDATE =
            "UPDATE meetings SET subject = ?, start_at = ?, end_at = ?, expires_at_ms = ?, "
                    + "attendees = ?, settings = ?, updated_at = ?, revision = ? WHERE tenant_id = ? AND id = ? AND revision = ?";
    private static final String DELETE = "DELETE FROM meetings WHERE tenant_id = ? AND id = ?";
    private static final String SEARCH = SELECT + "WHERE tenant_id = ? AND expires_at_ms > ?";
    /**
     * start_at as text that sorts as time does: a timestamp is stored with 0 to 7 fraction digits, so the stored
     * text itself would put "…:21Z" after "…:21.5Z"; this pads every one to seven digits and drops the Z.
     */
    private static final String START_ORDER = "(CASE WHEN length(start_at) = 20 THEN substr(start_at, 1, 19) || "
            + "'.0000000' ELSE substr(substr(start_at, 1, length(start_at) - 1) || '000000', 1, 27) END)";

    private final Database database;
    /** Meetings read or written lately, by id; trusted only while their revision matches the row's. */
    private final Cache<String, Meeting> recent = Caffeine.newBuilder()
            .maximumWeight(16L * 1024 * 1024)
            .weigher((String id, Meeting meeting) -> CacheWeights.meeting(meeting))
            .build();

    private final MeetingsByKey byKey;
    /** One instance, so that the group committer inserts a batch's meetings together. */
    private final GroupCommitter.Rows insertRows;

    /** Runs on the writer thread after each commit that stored a meeting. */
    private final Runnable meetingStored;

    JdbcMeetingStore(Database database, Runnable meetingStored) {
        this.database = database;
        this.meetingStored = meetingStored;
        this.byKey = new MeetingsByKey(database.dialect().writtenByThisProcessOnly());
        this.insertRows = (connection, rows) -> database.dialect().insertUnlessTaken(connection, INSERT, rows);
    }

    @Override
    public Optional<Meeting> findByKey(MeetingKey key, Instant now) {
        return byKey.find(key, now, () -> findLive(now, BY_KEY, key.tenantId(), key.organizerId(), key.externalId()));
    }

    @Override
    public Optional<Meeting> findById(String tenantId, String meetingId, Instant now) {
        return findLive(now, BY_ID, tenantId, meetingId);
    }

    @Override
    public Optional<Meeting> findByJoinMeetingId(String tenantId, String joinMeetingId, Instant now) {
        return findLive(now, BY_JOIN_MEETING_ID, tenantId, joinMeetingId);
    }

    /**
     * Finds the one meeting matching {@code where} (whose first parameter is the tenant): a probe reads id,
     * revision and expiry, and the whole row is read only when no meeting of that revision is remembered.
     */
    private Optional<Meeting> findLive(Instant now, String where, String... parameters) {
        return database.read(connection -> {
                    Optional<Probe> probe = Sql.firstKept(
                            connection,
                            PROBE + where,
                            row -> new Probe(row.getString(1), row.getLong(2), row.getLong(3)),
                            (Object[]) parameters);
                    if (probe.isEmpty() || probe.get().expiresAtMillis() <= now.toEpochMilli()) {
                        return Optional.<Meeting>empty();
                    }
                    String id = probe.get().id();
                    Meeting cached = recent.getIfPresent(id);
                    if (cached != null && cached.revision() == probe.get().revision()) {
                        return Optional.of(cached);
                    }
                    Optional<Meeting> loaded = selectOne(connection, SELECT_BY_ID, parameters[0], id);
                    loaded.ifPresent(meeting -> recent.put(meeting.id(), meeting));
                    return loaded;
                })
                .filter(meeting -> meeting.isLiveAt(now));
    }

    @Override
    public List<Meeting> search(String tenantId, MeetingSearch search, Instant now) {
        StringBuilder sql = new StringBuilder(SEARCH);
        List<Object> parameters = new ArrayList<>(List.of(tenantId, now.toEpochMilli()));
        criterion(sql, parameters, " AND organizer_id = ?", search.organizerId());
        criterion(
                sql,
                parameters,
                " AND lower(organizer_upn) = ?",
                search.organizerUpn() == null ? null : search.organizerUpn().toLowerCase(Locale.ROOT));
        criterion(sql, parameters, " AND external_id = ?", search.externalId());
        criterion(sql, parameters, " AND id = ?", search.meetingId());
        criterion(sql, parameters, " AND " + START_ORDER + " >= ?", startOrder(search.startFrom()));
        criterion(sql, parameters, " AND " + START_ORDER + " < ?", startOrder(search.startBefore()));
        sql.append(" ORDER BY ").append(START_ORDER).append(", id LIMIT ? OFFSET ?");
        parameters.add(search.limit());
        parameters.add(search.offset());
        return database.read(
                connection -> Sql.list(connection, sql.toString(), JdbcMeetingStore::meetingOf, parameters.toArray()));
    }

    private static void criterion(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            sql.append(condition);
            parameters.add(value);
        }
    }

    /** An instant as {@link #START_ORDER} writes start times. */
    private static String startOrder(Instant instant) {
        if (instant == null) {
            return null;
        }
        String text = Timestamp.of(instant).toString();
        return text.substring(0, text.length() - 1);
    }

    @Override
    public InsertResult insertUnlessKeyTaken(Meeting candidate, Instant now) {
        Object[] row = row(candidate);
        SqlWork<InsertResult> afterConflict = connection -> {
            while (true) {
                if (candidate.externalId() == null) {
                    return new IdentifierTaken();
                }
                Optional<Meeting> holder = selectOne(
                        connection,
                        SELECT_BY_KEY,
                        candidate.tenantId(),
                        candidate.organizer().id(),
                        candidate.externalId());
                if (holder.isEmpty()) {
                    return new IdentifierTaken();
                }
                if (holder.get().isLiveAt(now)) {
                    return new KeyTaken(holder.get());
                }
                Sql.update(
                        connection, DELETE, candidate.tenantId(), holder.get().id());
                if (insertRows.insert(connection, java.util.Collections.singletonList(row))[0]) {
                    return new Inserted();
                }
            }
        };
        return database.insert(new GroupCommitter.Insert<>(insertRows, row, new Inserted(), afterConflict), result -> {
            switch (result) {
                case Inserted inserted -> {
                    remember(candidate);
                    meetingStored.run();
                }
                case IdentifierTaken maybeExpiredHolderDeleted -> byKey.changed();
                case KeyTaken taken -> {
                    // nothing changed
                }
            }
        });
    }

    /** On the writer thread, after the commit that stored {@code meeting}. */
    private void remember(Meeting meeting) {
        recent.put(meeting.id(), meeting);
        byKey.stored(meeting);
    }

    @Override
    public UpdateResult update(Meeting changed, Instant now) {
        Meeting[] written = new Meeting[1]; // both lambdas run on the writer thread
        return database.write(
                connection -> {
                    Optional<Meeting> stored = selectOne(connection, SELECT_BY_ID, changed.tenantId(), changed.id());
                    if (stored.isEmpty() || !stored.get().isLiveAt(now)) {
                        return new Gone();
                    }
                    if (stored.get().revision() != changed.revision() - 1 || rewrite(connection, changed) != 1) {
                        return new Stale();
                    }
                    written[0] = asRewritten(stored.get(), changed);
                    return new Updated();
                },
                result -> {
                    if (result instanceof Updated) {
                        remember(written[0]);
                    }
                });
    }

    /** The row {@link #UPDATE} leaves: {@code stored} with the columns it rewrites taken from {@code changed}. */
    private static Meeting asRewritten(Meeting stored, Meeting changed) {
        return new Meeting(
                stored.id(),
                stored.tenantId(),
                stored.organizer(),
                stored.externalId(),
                stored.threadId(),
                stored.joinWebUrl(),
                stored.joinMeetingId(),
                stored.passcode(),
                stored.creationDateTime(),
                changed.startDateTime(),
                changed.endDateTime(),
                changed.subject(),
                changed.attendees(),
                changed.settings(),
                changed.lastUpdateDateTime(),
                changed.revision());
    }

    @Override
    public boolean delete(String tenantId, String meetingId, Instant now) {
        return database.write(
                connection -> {
                    Optional<Meeting> stored = selectOne(connection, SELECT_BY_ID, tenantId, meetingId);
                    if (stored.isEmpty() || !stored.get().isLiveAt(now)) {
                        return false;
                    }
                    return Sql.update(connection, DELETE, tenantId, meetingId) == 1;
                },
                deleted -> byKey.changed());
    }

    @Override
    public int deleteAllOfTenant(String tenantId) {
        return database.write(
                connection -> Sql.update(connection, "DELETE FROM meetings WHERE tenant_id = ?", tenantId),
                deleted -> byKey.changed());
    }

    /**
     * The values of {@link #INSERT}, encoded on the caller's thread so that the one writer thread only binds
     * and executes.
     */
    private static Object[] row(Meeting meeting) {
        try {
            return new Object[] {
                meeting.tenantId(),
                meeting.id(),
                meeting.organizer().id(),
                meeting.externalId(),
                meeting.threadId(),
                meeting.joinMeetingId(),
                meeting.joinWebUrl(),
                meeting.passcode(),
                meeting.creationDateTime().toString(),
                meeting.startDateTime().toString(),
                meeting.endDateTime().toString(),
                meeting.expiryDateTime().instant().toEpochMilli(),
                meeting.subject(),
                meeting.organizer().upn(),
                meeting.organizer().displayName(),
                json(meeting.attendees()),
                json(meeting.settings()),
                text(meeting.lastUpdateDateTime()),
                meeting.revision()
            };
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot encode meeting " + meeting.id(), e);
        }
    }

    private static int rewrite(Connection connection, Meeting changed) throws SQLException {
        return Sql.update(
                connection,
                UPDATE,
                changed.subject(),
                changed.startDateTime().toString(),
                changed.endDateTime().toString(),
                changed.expiryDateTime().instant().toEpochMilli(),
                json(changed.attendees()),
                json(changed.settings()),
                text(changed.lastUpdateDateTime()),
                changed.revision(),
                changed.tenantId(),
                changed.id(),
                changed.revision() - 1);
    }

    private static Optional<Meeting> selectOne(Connection connection, String sql, String... parameters)
            throws SQLException {
        return Sql.firstKept(connection, sql, JdbcMeetingStore::meetingOf, (Object[]) parameters);
    }

    /** What a lookup reads first: enough to tell whether a remembered meeting is still the stored one. */
    private record Probe(String id, long revision, long expiresAtMillis) {}

    private static Meeting meetingOf(ResultSet row) throws SQLException {
        String tenantId = row.getString("tenant_id");
        Person organizer = new Person(
                row.getString("organizer_id"),
                tenantId,
                row.getString("organizer_upn"),
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
                MeetingColumns.attendees(row.getString("attendees")),
                MeetingColumns.settings(row.getString("settings")),
                row.getString("updated_at") == null ? null : timestamp(row, "updated_at"),
                row.getLong("revision"));
    }

    private static String text(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toString();
    }

    private static Timestamp timestamp(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        Timestamp parsed = Timestamp.parseOrNull(text);
        if (parsed == null) {
            throw new SQLException("stored " + column + " is not a timestamp: " + text);
        }
        return parsed;
    }

    private static String json(List<Attendee> attendees) throws SQLException {
        return MeetingColumns.attendeesText(attendees);
    }

    private static String json(MeetingSettings settings) throws SQLException {
        return MeetingColumns.settingsText(settings);
    }
}
