package io.graphmeet.faults;

/** A rule that applies to one request, and what it does to it. */
public record TriggeredFault(String ruleId, FaultEffect effect) {

    /** The fault as the request journal records it. */
    public AppliedFault applied() {
        return new AppliedFault(ruleId, effect.inWords());
    }
}
