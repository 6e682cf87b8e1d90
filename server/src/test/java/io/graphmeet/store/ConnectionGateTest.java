package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When {@link ConnectionGate} gives up on the pool and when it keeps waiting: a pool that cannot open a
 * connection fails the caller after the pool's own timeout, even before its attempt to connect has failed; a
 * pool that is merely busy keeps its caller waiting.
 */
class ConnectionGateTest {

    private static final Duration POOL_TIMEOUT = Duration.ofMillis(250);
    /** How long the pool's attempt to connect to a host that never answers takes to fail (pgjdbc's timeouts). */
    private static final int CONNECT_SECONDS = 2;

    /**
     * A host that accepts TCP connections and never answers (a frozen server, or one going down): the pool's
     * timeout ends before its attempt to connect has failed, so Hikari names no cause. Before the fix the gate
     * took that for a busy pool and waited until the attempt failed; the outage test saw answers after 3.5 s
     * against a 2 s request timeout.
     */
    @Test
    void aPoolThatCannotConnectFailsTheCallerAfterThePoolTimeoutNotAfterTheConnectAttempt() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/graphmeet");
            config.setUsername("postgres");
            config.setConnectionTimeout(POOL_TIMEOUT.toMillis());
            config.setInitializationFailTimeout(-1);
            config.addDataSourceProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
            config.addDataSourceProperty("socketTimeout", Integer.toString(CONNECT_SECONDS));
            try (HikariDataSource pool = new HikariDataSource(config)) {
                ConnectionGate gate = new ConnectionGate(pool);
                long started = System.nanoTime();

                assertThatThrownBy(gate::connection).isInstanceOf(SQLTransientConnectionException.class);

                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isLessThan(Duration.ofSeconds(CONNECT_SECONDS).minus(POOL_TIMEOUT));
                long again = System.nanoTime();
                assertThatThrownBy(gate::connection)
                        .as("the next caller, once the database is known unreachable")
                        .isInstanceOf(SQLTransientConnectionException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(CONNECT_SECONDS));
            }
        }
    }

    /** Every connection lent and none failing: the caller waits past the pool's timeout for one to come back. */
    @Test
    void aBusyPoolKeepsItsCallerWaitingPastThePoolTimeout(@TempDir Path folder) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + folder.resolve("busy.db"));
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(POOL_TIMEOUT.toMillis());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ConnectionGate gate = new ConnectionGate(pool);
            Connection lent = gate.connection();
            CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return gate.connection();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(POOL_TIMEOUT.multipliedBy(3)); // keeps the only connection lent past the pool's timeout
            assertThat(waiting).as("still waiting for the lent connection").isNotDone();
            lent.close();

            try (Connection handedOn = waiting.get(10, TimeUnit.SECONDS)) {
                assertThat(handedOn.isValid(1)).isTrue();
            }
        }
    }
}
