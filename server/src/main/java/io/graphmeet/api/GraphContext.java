package io.graphmeet.api;

import io.graphmeet.auth.Authorizer;
import io.graphmeet.auth.TokenVerifier;
import io.graphmeet.faults.FaultRules;
import io.graphmeet.journal.RequestJournal;
import io.graphmeet.observe.AccessLog;
import io.graphmeet.observe.Metrics;
import io.graphmeet.observe.Tracing;
import io.graphmeet.throttle.Throttle;
import java.time.Clock;

/**
 * What every Graph endpoint shares: token verification, authorization, limits and the clock; and what watches or
 * limits every request: metrics, the access log, throttling, tracing, the request journal; and the scripted faults
 * that may shape it.
 */
public record GraphContext(
        TokenVerifier tokens,
        Authorizer authorizer,
        int maxBodyBytes,
        Clock clock,
        Metrics metrics,
        AccessLog accessLog,
        Throttle throttle,
        Tracing tracing,
        FaultRules faults,
        RequestJournal journal) {}
