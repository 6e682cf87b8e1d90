/**
 * The official Microsoft Graph SDK for Java pointed at a test graphmeet: {@link
 * io.graphmeet.testkit.sdk.GraphClients}. Needs {@code com.microsoft.graph:microsoft-graph} on the test classpath
 * (graphmeet-junit declares it optional); nothing else in the test kit touches the SDK.
 */
package io.graphmeet.testkit.sdk;
