package io.graphmeet.testkit.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testkit.admin.AdminClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** graphmeet's request journal, read through the admin API, and the verifications made against it. */
public final class Journal {

    private final AdminClient admin;
    private final Supplier<List<String>> knownTenants;

    /** A journal reader; patterns without a tenant search the tenants {@code knownTenants} answers. */
    public Journal(AdminClient admin, Supplier<List<String>> knownTenants) {
        this.admin = admin;
        this.knownTenants = knownTenants;
    }

    /** The journaled requests of {@code tenantId}, oldest first. */
    public List<JournalEntry> entries(String tenantId) {
        JsonNode answer = admin.get("/admin/v1/tenants/" + encode(tenantId) + "/requests");
        List<JournalEntry> entries = new ArrayList<>();
        answer.path("value").forEach(entry -> entries.add(JournalEntry.of(entry)));
        return entries;
    }

    /** The journaled requests of the pattern's tenant, or of every known tenant, oldest first. */
    public List<JournalEntry> entries(RequestPattern pattern) {
        List<String> tenants = pattern.tenantId().map(List::of).orElseGet(knownTenants);
        List<JournalEntry> entries = new ArrayList<>();
        tenants.forEach(tenant -> entries.addAll(entries(tenant)));
        entries.sort(Comparator.comparing(JournalEntry::time, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(JournalEntry::sequence));
        return entries;
    }

    /** Empties the journal of {@code tenantId}. */
    public void clear(String tenantId) {
        admin.delete("/admin/v1/tenants/" + encode(tenantId) + "/requests");
    }

    /** A verification of the requests {@code pattern} matches. */
    public Verification verify(RequestPattern pattern) {
        return new Verification(pattern, () -> entries(pattern));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
