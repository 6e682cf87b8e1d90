/** Graph's error catalogue ({@link io.graphmeet.errors.GraphError}) shared by every edge package. */
package io.graphmeet.errors;
