/**
 * Scripted faults set through the admin API ({@code /admin/v1/faults}): {@link
 * io.graphmeet.testkit.faults.FaultRule} says which requests and what happens to them, {@link
 * io.graphmeet.testkit.faults.Faults} adds, lists and removes rules.
 */
package io.graphmeet.testkit.faults;
