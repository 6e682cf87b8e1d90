package io.graphmeet.bench;

import io.graphmeet.meetings.MeetingIds;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Fills a graphmeet database with realistic meeting rows (real identifiers, many organizers) so the cost of a
 * large table can be measured. Args: JDBC URL, count, [user].
 */
public final class SeedMeetings {

    private static final int ORGANIZERS = 10_000;

    private SeedMeetings() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        RandomMeetingIdentifiers identifiers = new RandomMeetingIdentifiers(Clock.systemUTC());
        long expires = Instant.now().plusSeconds(90L * 24 * 3600).toEpochMilli();
        try (Connection connection = args.length > 2
                ? DriverManager.getConnection(args[0], args[2], null)
                : DriverManager.getConnection(args[0])) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO meetings (id, tenant_id, "
                            + "organizer_id, external_id, thread_id, join_meeting_id, join_web_url, passcode, created_at, "
                            + "start_at, end_at, expires_at_ms, subject, organizer_upn, organizer_name, attendees, settings) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, NULL, '[]', ?) ON CONFLICT DO NOTHING")) {
                String settings = "{\"allowedPresenters\":\"EVERYONE\"}";
                for (int i = 0; i < count; i++) {
                    String organizer = new UUID(0x1234L, i % ORGANIZERS).toString();
                    String thread = MeetingIds.threadId(UUID.randomUUID());
                    int p = 0;
                    insert.setString(++p, MeetingIds.meetingId(organizer, thread));
                    insert.setString(++p, "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f");
                    insert.setString(++p, organizer);
                    insert.setString(++p, "seed-" + i);
                    insert.setString(++p, thread);
                    insert.setString(++p, identifiers.newJoinMeetingId());
                    insert.setString(
                            ++p,
                            MeetingIds.joinWebUrl(
                                    "http://127.0.0.1", thread, "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f", organizer));
                    insert.setString(++p, "2026-01-01T00:00:00Z");
                    insert.setString(++p, "2026-01-01T00:00:00Z");
                    insert.setString(++p, "2026-01-01T01:00:00Z");
                    insert.setLong(++p, expires);
                    insert.setString(++p, "seeded meeting " + i);
                    insert.setString(++p, settings);
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            if (args[0].startsWith("jdbc:sqlite:")) {
                // the seeding's WAL copied into the database file and emptied now, not by the measured load
                connection.setAutoCommit(true);
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
        }
        System.out.println("seeded " + count + " meetings");
    }
}
