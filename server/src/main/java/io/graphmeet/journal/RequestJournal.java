package io.graphmeet.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last Graph requests of each tenant, in memory on this node: at most {@code perTenant} entries per tenant, at
 * most {@code tenants} tenants and about {@code maxBytes} of entries in all, the least recently used tenant's
 * entries dropped first. Thread-safe; an append takes only its own tenant's lock, briefly.
 */
public final class RequestJournal {

    private static final RequestJournal OFF = new RequestJournal(0, 0, 0, 0);

    private final int perTenant;
    private final int tenants;
    private final long maxBytes;
    private final int maxBodyBytes;
    private final Map<String, TenantLog> logs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /**
     * @param perTenant entries kept per tenant; 0 keeps none
     * @param maxBodyBytes bytes kept of each request and response body
     */
    public RequestJournal(int perTenant, int tenants, long maxBytes, int maxBodyBytes) {
        this.perTenant = perTenant;
        this.tenants = tenants;
        this.maxBytes = maxBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A journal that keeps nothing. */
    public static RequestJournal off() {
        return OFF;
    }

    /** Whether it keeps anything; when not, callers need not even build entries. */
    public boolean enabled() {
        return perTenant > 0 && tenants > 0;
    }

    /** How many bytes of each body an entry keeps. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Adds {@code request} to the tenant's entries and returns it numbered, or null when the journal is off. */
    public JournalEntry append(String tenantId, JournalEntry.Recorded request) {
        if (!enabled()) {
            return null;
        }
        while (true) {
            TenantLog log = logs.get(tenantId);
            if (log == null) {
                log = open(tenantId);
            }
            JournalEntry entry = log.append(sequence, request, perTenant);
            if (entry != null) {
                if (bytes.addAndGet(log.takeGrowth()) > maxBytes) {
                    shrinkKeeping(tenantId);
                }
                return entry;
            }
            // the log was dropped between lookup and append: open a new one
        }
    }

    /** The tenant's entries that {@code query} selects, oldest first. */
    public List<JournalEntry> entries(String tenantId, JournalQuery query) {
        TenantLog log = logs.get(tenantId);
        if (log == null) {
            return List.of();
        }
        List<JournalEntry> matching = new ArrayList<>();
        for (JournalEntry entry : log.snapshot()) {
            if (query.matches(entry)) {
                matching.add(entry);
            }
        }
        if (query.top() == null || matching.size() <= query.top()) {
            return matching;
        }
        return query.after() != null
                ? List.copyOf(matching.subList(0, query.top()))
                : List.copyOf(matching.subList(matching.size() - query.top(), matching.size()));
    }

    /** Forgets the tenant's entries; later ones keep their higher sequence numbers. */
    public void clear(String tenantId) {
        TenantLog log = logs.remove(tenantId);
        if (log != null) {
            bytes.addAndGet(-log.close());
        }
    }

    /** About how many bytes the entries take, for tests of the bound. */
    long bytes() {
        return bytes.get();
    }

    private TenantLog open(String tenantId) {
        TenantLog log = logs.computeIfAbsent(tenantId, TenantLog::new);
        while (logs.size() > tenants && dropLeastRecentlyUsedOtherThan(tenantId)) {
            // dropped one
        }
        return log;
    }

    private void shrinkKeeping(String tenantId) {
        while (bytes.get() > maxBytes && dropLeastRecentlyUsedOtherThan(tenantId)) {
            // dropped one
        }
        TenantLog own = logs.get(tenantId);
        while (own != null && bytes.get() > maxBytes) {
            long freed = own.dropOldest();
            if (freed == 0) {
                return;
            }
            bytes.addAndGet(-freed);
        }
    }

    private boolean dropLeastRecentlyUsedOtherThan(String tenantId) {
        TenantLog oldest = null;
        for (TenantLog log : logs.values()) {
            if (!log.tenantId.equals(tenantId) && (oldest == null || log.lastUsed < oldest.lastUsed)) {
                oldest = log;
            }
        }
        if (oldest == null) {
            return false;
        }
        if (logs.remove(oldest.tenantId, oldest)) {
            bytes.addAndGet(-oldest.close());
        }
        return true;
    }

    /** One tenant's entries, oldest first; every method holds the log's lock. */
    private static final class TenantLog {

        private final String tenantId;
        private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
        private volatile long lastUsed = System.nanoTime();
        private long weight;
        private long growth;
        private boolean closed;

        TenantLog(String tenantId) {
            this.tenantId = tenantId;
        }

        /** The entry appended, or null if this log was dropped. */
        synchronized JournalEntry append(AtomicLong sequence, JournalEntry.Recorded request, int capacity) {
            if (closed) {
                return null;
            }
            JournalEntry entry = new JournalEntry(sequence.incrementAndGet(), request);
            long added = entry.weight();
            if (entries.size() >= capacity) {
                added -= entries.removeFirst().weight();
            }
            entries.addLast(entry);
            weight += added;
            growth += added;
            lastUsed = System.nanoTime();
            return entry;
        }

        /** The weight added since the last call, to be counted in the journal's total. */
        synchronized long takeGrowth() {
            long taken = growth;
            growth = 0;
            return taken;
        }

        synchronized JournalEntry[] snapshot() {
            return entries.toArray(JournalEntry[]::new);
        }

        /** Drops the oldest entry and returns its weight, or 0 if there was none. */
        synchronized long dropOldest() {
            JournalEntry oldest = entries.pollFirst();
            if (oldest == null) {
                return 0;
            }
            weight -= oldest.weight();
            return oldest.weight();
        }

        /** Drops every entry for good and returns the weight counted in the total that is freed. */
        synchronized long close() {
            closed = true;
            entries.clear();
            long counted = weight - growth;
            weight = 0;
            growth = 0;
            return counted;
        }
    }
}
