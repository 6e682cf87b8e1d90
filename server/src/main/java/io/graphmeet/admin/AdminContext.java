package io.graphmeet.admin;

import io.graphmeet.auth.Authorizer;
import io.graphmeet.directory.Directory;
import io.graphmeet.faults.FaultRules;
import io.graphmeet.issuer.SigningKeys;
import io.graphmeet.journal.RequestJournal;
import io.graphmeet.meetings.MeetingStore;
import java.time.Clock;

/**
 * What the admin endpoints share: the directory and meeting stores they change, the issuer's keys (null when
 * the built-in issuer is off), the admin key, the body size limit, the clock, and the Graph edge's authorizer,
 * whose decisions the explainer tells; this node's scripted fault rules; the request journal and the view of
 * meetings they let the operator inspect.
 */
public record AdminContext(
        Directory directory,
        MeetingStore meetings,
        SigningKeys signingKeys,
        AdminKey key,
        int maxBodyBytes,
        Clock clock,
        Authorizer authorizer,
        FaultRules faults,
        RequestJournal journal,
        MeetingInspector inspector) {}
