package io.graphmeet.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.http.Json;
import io.graphmeet.journal.JournalBody;
import io.graphmeet.journal.JournalEntry;
import io.graphmeet.journal.RequestJournal;
import io.graphmeet.testing.RepositoryFiles;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;

/**
 * What one request journal append costs on the request's thread, as the Graph edge makes it for a createOrGet:
 * the request body looked through for credentials, both bodies kept, the entry appended to a full tenant log.
 * Prints nanoseconds and bytes allocated per append (no JMH: a long loop after a warm-up, allocation counted by
 * the JVM per thread). Run: {@code java -cp {test classpath} io.graphmeet.bench.JournalAppendCost}.
 */
public final class JournalAppendCost {

    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 2_000_000;

    private JournalAppendCost() {}

    public static void main(String[] args) throws Exception {
        byte[] request = ("{\"externalId\":\"" + UUID.randomUUID() + "\",\"subject\":\"Weekly review\","
                        + "\"startDateTime\":\"2026-12-01T10:00:00Z\",\"endDateTime\":\"2026-12-01T10:30:00Z\","
                        + "\"participants\":{\"attendees\":[{\"identity\":{\"user\":{\"id\":\"" + UUID.randomUUID()
                        + "\"}}}]}}")
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode parsed = Json.readObject(request);
        byte[] response =
                Files.readAllBytes(RepositoryFiles.path("server/src/test/resources/golden/createOrGet-201.json"));
        RequestJournal journal = new RequestJournal(500, 100, 64L * 1024 * 1024, 16_384);
        String tenant = UUID.randomUUID().toString();
        String requestId = UUID.randomUUID().toString();
        JournalEntry.Caller caller = new JournalEntry.Caller(JournalEntry.Kind.APPLICATION, tenant, null);

        run(journal, tenant, requestId, caller, request, parsed, response, WARM_UP);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        run(journal, tenant, requestId, caller, request, parsed, response, MEASURED);
        long nanos = System.nanoTime() - started;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.out.printf(
                "journal append (createOrGet, %d-byte request, %d-byte response): %.0f ns, %d bytes "
                        + "allocated per append%n",
                request.length, response.length, (double) nanos / MEASURED, allocated / MEASURED);
    }

    private static void run(
            RequestJournal journal,
            String tenant,
            String requestId,
            JournalEntry.Caller caller,
            byte[] request,
            ObjectNode parsed,
            byte[] response,
            int times) {
        for (int i = 0; i < times; i++) {
            JournalBody requestBody = JournalBody.ofRequest(request, parsed, journal.maxBodyBytes());
            journal.append(
                    tenant,
                    new JournalEntry.Recorded(
                            Instant.now(),
                            requestId,
                            requestId,
                            "createOrGet",
                            "POST",
                            "/v1.0/users/x/onlineMeetings/createOrGet",
                            null,
                            200,
                            null,
                            0.5,
                            caller,
                            "x",
                            "e",
                            "m",
                            requestBody,
                            JournalBody.ofResponse(response, journal.maxBodyBytes(), false),
                            null));
        }
    }
}
