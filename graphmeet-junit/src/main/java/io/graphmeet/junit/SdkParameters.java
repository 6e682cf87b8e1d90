package io.graphmeet.junit;

import io.graphmeet.testkit.GraphmeetServer;
import io.graphmeet.testkit.TestTenant;
import io.graphmeet.testkit.sdk.GraphClients;

/** The parameters that need the Graph SDK, in a class of their own so that tests without the SDK never load it. */
final class SdkParameters {

    private SdkParameters() {}

    static GraphClients clients(GraphmeetServer server) {
        return GraphClients.of(server.baseUrl());
    }

    static Object client(GraphmeetServer server, TestTenant tenant, boolean delegated) {
        GraphClients clients = clients(server);
        return delegated ? clients.delegated(tenant) : clients.application(tenant);
    }
}
