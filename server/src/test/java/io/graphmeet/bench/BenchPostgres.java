package io.graphmeet.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A real PostgreSQL for benchmarks, from the same embedded distribution the tests use. Writes its JDBC URL to
 * the given file and runs until its standard input closes. Arg: URL file.
 */
public final class BenchPostgres {

    private BenchPostgres() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE graphmeet_bench");
            }
            Files.writeString(Path.of(args[0]), postgres.getJdbcUrl("postgres", "graphmeet_bench"));
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
