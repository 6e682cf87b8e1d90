/**
 * graphmeet: a self-hostable, Microsoft Graph-compatible online-meetings service. {@link io.graphmeet.Main}
 * starts it; {@link io.graphmeet.Graphmeet} wires the packages together.
 */
package io.graphmeet;
