package io.graphmeet.throttle;

import io.graphmeet.config.GraphmeetConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Graph's throttling limits, emulated: requests per app across tenants ({@value #APP}), requests per app per
 * tenant ({@value #TENANT}) and meetings created per user per calendar month ({@value #USER_MEETINGS}).
 *
 * <p>Each node decides on its own counts, so the hot path runs no query: every {@code syncInterval} a background
 * thread adds what this node admitted to the shared counts in one transaction and reads back the totals, the
 * other nodes' included. So with N nodes a window can admit up to (N - 1) × (what one node admits in one
 * interval) past its limit; with one node the limits are exact.
 */
public final class Throttle implements AutoCloseable {

    public static final String APP = "app";
    public static final String TENANT = "tenant";
    public static final String USER_MEETINGS = "userMeetings";

    private static final Logger LOG = Logger.getLogger(Throttle.class.getName());
    private static final Throttle OFF = new Throttle(null, null, null);
    private static final long FORGET_EVERY_MILLIS = 60_000;
    /**
     * Windows this short (the request limits) are read back every interval while they last; longer ones (a
     * user's month) only after this node counted in them, so idle users cost nothing.
     */
    private static final long ALWAYS_READ_UP_TO_MILLIS = 60_000;

    private final GraphmeetConfig.Throttle limits;
    private final SharedCounts shared;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sync;
    private long lastForget;

    private Throttle(GraphmeetConfig.Throttle limits, SharedCounts shared, Clock clock) {
        this.limits = limits;
        this.shared = shared;
        this.clock = clock;
        if (limits == null) {
            this.sync = null;
            return;
        }
        this.sync = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("graphmeet-throttle").factory());
        long every = limits.syncInterval().toMillis();
        sync.scheduleWithFixedDelay(this::synchronise, every, every, TimeUnit.MILLISECONDS);
    }

    /** The throttle {@code limits} describe, sharing its counts through {@code shared}; off when they say so. */
    public static Throttle of(GraphmeetConfig.Throttle limits, SharedCounts shared, Clock clock) {
        return limits.enabled() ? new Throttle(limits, shared, clock) : OFF;
    }

    /** A throttle that admits everything. */
    public static Throttle off() {
        return OFF;
    }

    public boolean enabled() {
        return limits != null;
    }

    /** Counts a request of {@code appId} in {@code tenantId}, or refuses it when a request limit is reached. */
    public Optional<Refusal> admitRequest(String tenantId, String appId) {
        long now = clock.millis();
        String app = appId == null ? "" : appId;
        Window perApp = window(APP + ":" + app, now, limits.appWindow());
        Window perTenant = window(TENANT + ":" + app + ":" + tenantId, now, limits.tenantWindow());
        if (perApp.full(limits.appRequests())) {
            return refuse(APP, perApp, now);
        }
        if (!perTenant.tryAcquire(limits.tenantRequests())) {
            return refuse(TENANT, perTenant, now);
        }
        perApp.add();
        return Optional.empty();
    }

    /** Refuses when {@code userId} already created this month's allowance of meetings. */
    public Optional<Refusal> admitMeetingCreation(String tenantId, String userId) {
        long now = clock.millis();
        Window month = monthOf(tenantId, userId, now);
        return month.full(limits.userMeetingsPerMonth()) ? refuse(USER_MEETINGS, month, now) : Optional.empty();
    }

    /** Counts a meeting {@code userId} created. */
    public void meetingCreated(String tenantId, String userId) {
        monthOf(tenantId, userId, clock.millis()).add();
    }

    private Window monthOf(String tenantId, String userId, long now) {
        YearMonth month = YearMonth.from(Instant.ofEpochMilli(now).atOffset(ZoneOffset.UTC));
        long start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = month.plusMonths(1)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
        String scope = USER_MEETINGS + ":" + tenantId + ":" + userId;
        return windows.computeIfAbsent(scope + "@" + start, key -> new Window(scope, start, end));
    }

    private Window window(String scope, long now, Duration length) {
        long millis = length.toMillis();
        long start = now - Math.floorMod(now, millis);
        return windows.computeIfAbsent(scope + "@" + start, key -> new Window(scope, start, start + millis));
    }

    private static Optional<Refusal> refuse(String limit, Window window, long now) {
        return Optional.of(new Refusal(limit, Duration.ofMillis(Math.max(0, window.endMillis - now))));
    }

    /** Adds this node's counts to the shared ones and reads back everyone's; forgets ended windows. */
    void synchronise() {
        try {
            long now = clock.millis();
            List<Window> current = new ArrayList<>();
            List<SharedCounts.Delta> deltas = new ArrayList<>();
            for (var entry : windows.entrySet()) {
                Window window = entry.getValue();
                if (!window.touched && window.endMillis - window.startMillis > ALWAYS_READ_UP_TO_MILLIS) {
                    continue;
                }
                window.touched = false;
                long delta = window.takeForSharing();
                if (window.endMillis <= now) {
                    windows.remove(entry.getKey(), window);
                    if (delta == 0) {
                        continue;
                    }
                }
                current.add(window);
                deltas.add(new SharedCounts.Delta(window.scope, window.startMillis, window.endMillis, delta));
            }
            if (!deltas.isEmpty()) {
                List<Long> totals = addOrGiveBack(current, deltas);
                for (int i = 0; i < current.size(); i++) {
                    current.get(i).shared(deltas.get(i).delta(), totals.get(i));
                }
            }
            if (now - lastForget > FORGET_EVERY_MILLIS) {
                lastForget = now;
                shared.forgetBefore(now - FORGET_EVERY_MILLIS);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "throttle counts not shared this time: {0}", e.getMessage());
        }
    }

    private List<Long> addOrGiveBack(List<Window> current, List<SharedCounts.Delta> deltas) {
        try {
            return shared.add(deltas);
        } catch (RuntimeException e) {
            for (int i = 0; i < current.size(); i++) {
                current.get(i).giveBack(deltas.get(i).delta());
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (sync != null) {
            sync.shutdown();
            try {
                sync.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronise();
        }
    }
}
