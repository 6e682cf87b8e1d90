package io.graphmeet.bench;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * createOrGet replays against two servers alike but for the request journal (on with its defaults, and off),
 * taken in turns so that both see the same machine, and the ratio of their median round-trip times. Run:
 * {@code java -cp {test classpath} io.graphmeet.bench.JournalOverhead [rounds] [requests per round]}.
 */
public final class JournalOverhead {

    private JournalOverhead() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path scratch = Files.createTempDirectory("journal-overhead");
        Files.createDirectories(scratch.resolve("on"));
        Files.createDirectories(scratch.resolve("off"));
        try (TestServer on =
                        TestServer.on(Backend.EMBEDDED, scratch.resolve("on")).start();
                TestServer off = TestServer.on(Backend.EMBEDDED, scratch.resolve("off"))
                        .setting("GRAPHMEET_JOURNAL_REQUESTS_PER_TENANT", "0")
                        .start()) {
            List<Long> withJournal = new ArrayList<>();
            List<Long> without = new ArrayList<>();
            Replays journaled = new Replays(on);
            Replays plain = new Replays(off);
            journaled.run(perRound);
            plain.run(perRound);
            for (int round = 0; round < rounds; round++) {
                withJournal.addAll(journaled.run(perRound));
                without.addAll(plain.run(perRound));
            }
            double on50 = median(withJournal) / 1000.0;
            double off50 = median(without) / 1000.0;
            System.out.printf(
                    "createOrGet replay, median round trip: journal on %.1f us, off %.1f us, ratio %.3f "
                            + "(%d requests each)%n",
                    on50, off50, on50 / off50, withJournal.size());
        }
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Replays of one createOrGet for one user of a tenant of its own. */
    private static final class Replays {
        private final GraphHttp http;
        private final String token;
        private final String body = "{\"externalId\":\"" + UUID.randomUUID() + "\",\"subject\":\"Weekly review\"}";

        Replays(TestServer server) {
            this.http = server.http();
            this.token = server.issuer()
                    .delegated(UUID.randomUUID().toString(), UUID.randomUUID().toString(), Contoso.WRITE);
        }

        List<Long> run(int requests) {
            List<Long> nanos = new ArrayList<>(requests);
            for (int i = 0; i < requests; i++) {
                long started = System.nanoTime();
                int status = http.post("/v1.0/me/onlineMeetings/createOrGet", token, body)
                        .status();
                nanos.add(System.nanoTime() - started);
                if (status / 100 != 2) {
                    throw new IllegalStateException("createOrGet answered " + status);
                }
            }
            return nanos;
        }
    }
}
