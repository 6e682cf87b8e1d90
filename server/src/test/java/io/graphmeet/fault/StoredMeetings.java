package io.graphmeet.fault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the database itself holds, read with plain JDBC after a fault, to judge what the clients were told. */
public final class StoredMeetings {

    private StoredMeetings() {}

    /** External id → ids of the stored meetings with that external id, for keys starting with {@code prefix}. */
    public static Map<String, List<String>> byKey(Connection connection, String prefix) throws SQLException {
        Map<String, List<String>> byKey = new HashMap<>();
        try (PreparedStatement query =
                connection.prepareStatement("SELECT external_id, id FROM meetings WHERE external_id LIKE ?")) {
            query.setString(1, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byKey.computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        }
        return byKey;
    }

    /** Keys whose 201 or final answer names a meeting the database does not hold under that key. */
    public static List<String> missing(Map<String, String> answered, Map<String, List<String>> stored) {
        List<String> missing = new ArrayList<>();
        answered.forEach((key, id) -> {
            if (!stored.getOrDefault(key, List.of()).contains(id)) {
                missing.add(key + " -> " + id);
            }
        });
        return missing;
    }

    /** Keys the database holds more than one meeting for. */
    public static List<String> duplicated(Map<String, List<String>> stored) {
        return stored.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(entry -> entry.getKey() + " -> " + entry.getValue())
                .toList();
    }
}
