package io.graphmeet.faults;

import io.graphmeet.observe.GraphOperation;

/**
 * A Graph request as fault rules see it, once its caller is authorized: the operation, the caller's tenant and app,
 * and the user whose meetings it addresses.
 */
public record FaultTarget(GraphOperation operation, String tenantId, String appId, String userId) {}
