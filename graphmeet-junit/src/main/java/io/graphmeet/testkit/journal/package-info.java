/**
 * WireMock-style verification against graphmeet's request journal ({@code GET /admin/v1/tenants/{id}/requests}):
 * {@code verify(createOrGet().forUser(u).withExternalId("x")).calledTimes(1)} with {@link
 * io.graphmeet.testkit.journal.GraphRequests} patterns; a failure lists the near misses.
 */
package io.graphmeet.testkit.journal;
