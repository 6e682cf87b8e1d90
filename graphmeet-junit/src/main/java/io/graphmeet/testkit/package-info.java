/**
 * graphmeet inside any JVM test suite, no test framework needed: {@link io.graphmeet.testkit.GraphmeetServer}
 * starts a real graphmeet on free ports with its database in a temporary folder, provisions fresh tenants
 * ({@link io.graphmeet.testkit.TestTenant}) through the admin API and gets their tokens from the built-in issuer
 * the way a real client does.
 */
package io.graphmeet.testkit;
