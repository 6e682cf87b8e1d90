package io.graphmeet.meetings;

/** Looks up how a user of a tenant is shown in a meeting. */
public interface People {

    /**
     * The person for {@code userId}: known users with their upn and display name; unknown ones with
     * {@code upnHint} and no display name.
     */
    Person describe(String tenantId, String userId, String upnHint);
}
