package io.graphmeet.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An insert of whole rows into one table that inserts nothing for a row whose unique key is taken
 * ({@code ON CONFLICT DO NOTHING}), in the forms {@link SqlDialect#insertUnlessTaken} runs: one row per statement,
 * and all rows in one statement of one array parameter per column. A row's values are in the order of
 * {@code columns}, whose first {@code keyColumns} identify a row.
 */
final class RowInsert {

    /** A column and its SQL type in PostgreSQL, the element type of its array parameter. */
    record Column(String name, String sqlType) {}

    private final String oneRow;
    private final String unnested;
    private final List<String> arrayTypes;
    private final int keyColumns;

    RowInsert(String table, List<Column> columns, int keyColumns) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.oneRow = "INSERT INTO " + table + " (" + names + ") VALUES ("
                + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ") ON CONFLICT DO NOTHING";
        this.unnested = "INSERT INTO " + table + " (" + names + ") SELECT * FROM unnest("
                + columns.stream()
                        .map(column -> "?::" + column.sqlType() + "[]")
                        .collect(Collectors.joining(", "))
                + ") ON CONFLICT DO NOTHING RETURNING "
                + columns.stream().limit(keyColumns).map(Column::name).collect(Collectors.joining(", "));
        this.arrayTypes = columns.stream().map(Column::sqlType).toList();
        this.keyColumns = keyColumns;
    }

    /** One row: {@code INSERT … VALUES (?, …) ON CONFLICT DO NOTHING}. */
    String oneRow() {
        return oneRow;
    }

    /** Any number of rows: {@code INSERT … SELECT * FROM unnest(?::type[], …) ON CONFLICT DO NOTHING RETURNING key}. */
    String unnested() {
        return unnested;
    }

    List<String> arrayTypes() {
        return arrayTypes;
    }

    int keyColumns() {
        return keyColumns;
    }
}
