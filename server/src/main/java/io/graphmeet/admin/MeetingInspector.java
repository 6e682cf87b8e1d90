package io.graphmeet.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * How the admin API sees a tenant's meetings: found by a {@link Query}, each shown as Graph shows it. The wiring
 * implements it over the meetings store, so that the admin package needs nothing of the domain but its port.
 */
public interface MeetingInspector {

    /** The page of the tenant's live meetings {@code query} selects, ordered by start time, then id. */
    Page find(String tenantId, Query query, Instant now);

    /**
     * What to find; a null criterion matches every meeting. {@code organizer} is a user id (a GUID) or a UPN;
     * {@code joinWebUrl} is compared as the Graph {@code $filter} compares it; {@code startFrom} is inclusive,
     * {@code startTo} exclusive.
     */
    record Query(
            String organizer,
            String externalId,
            String joinWebUrl,
            Instant startFrom,
            Instant startTo,
            int skip,
            int top) {}

    /** The meetings of one page as Graph's JSON, and whether another page follows. */
    record Page(List<ObjectNode> meetings, boolean more) {
        public Page {
            meetings = List.copyOf(meetings);
        }
    }
}
