package io.graphmeet.api;

import io.graphmeet.auth.Authorizer;
import io.graphmeet.auth.TokenVerifier;
import java.time.Clock;

/** What every Graph endpoint shares: token verification, authorization, limits and the clock. */
public record GraphContext(TokenVerifier tokens, Authorizer authorizer, int maxBodyBytes, Clock clock) {}
