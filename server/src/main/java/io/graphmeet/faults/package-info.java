/**
 * Scripted faults: rules, set by the operator or a test, that make chosen Graph requests fail, slow down, or lose
 * their answer after committing. {@link io.graphmeet.faults.FaultRules} is the entry point: it holds a node's rules
 * in memory and decides, per request, which fault (if any) applies; {@link io.graphmeet.faults.FaultRuleJson}
 * reads a rule from the admin API's JSON or the seed file's YAML.
 */
package io.graphmeet.faults;
