/**
 * Failures that cross the layers, so that no layer borrows them from another: the store adapters raise
 * {@link io.graphmeet.failure.StoreUnavailableException} behind the ports of {@code meetings} and {@code directory},
 * and every HTTP surface answers it. Depends on nothing else in the project.
 */
package io.graphmeet.failure;
