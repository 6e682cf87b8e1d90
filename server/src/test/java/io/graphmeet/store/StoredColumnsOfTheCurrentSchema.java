package io.graphmeet.store;

/**
 * The JSON columns exactly as graphmeet wrote them before the stored shape had records of its own (captured from
 * the code of 2026-11-30 for the attendees and settings of {@link MeetingStoreContract#fullMeeting} in tenant
 * {@code t-1}, and for the default settings): every later version must read them back.
 */
final class StoredColumnsOfTheCurrentSchema {

    static final String FULL_ATTENDEES =
            "[{\"person\":{\"id\":\"a1\",\"tenantId\":\"t-1\",\"upn\":\"adele@contoso.com\","
                    + "\"displayName\":\"Adele Vance\"},\"role\":\"PRESENTER\"},{\"person\":{\"id\":\"a2\",\"tenantId\":\"t-1\","
                    + "\"upn\":null,\"displayName\":null},\"role\":\"COORGANIZER\"}]";

    static final String FULL_SETTINGS = "{\"allowedPresenters\":\"ROLE_IS_PRESENTER\","
            + "\"allowedLobbyAdmitters\":\"ORGANIZER_AND_CO_ORGANIZERS\",\"allowMeetingChat\":\"LIMITED\","
            + "\"allowLiveShare\":\"DISABLED\",\"shareMeetingChatHistoryDefault\":\"NONE\","
            + "\"allowAttendeeToEnableCamera\":false,\"allowAttendeeToEnableMic\":true,"
            + "\"allowBreakoutRooms\":null,\"allowCopyingAndSharingMeetingContent\":false,"
            + "\"allowParticipantsToChangeName\":true,\"allowPowerPointSharing\":false,"
            + "\"allowRecording\":true,\"allowTeamworkReactions\":false,\"allowTranscription\":true,"
            + "\"allowWhiteboard\":false,\"isEntryExitAnnounced\":true,\"isEndToEndEncryptionEnabled\":true,"
            + "\"recordAutomatically\":false,\"lobbyBypass\":{\"scope\":\"INVITED\","
            + "\"isDialInBypassEnabled\":true},\"watermarkProtection\":{\"isEnabledForContentSharing\":true,"
            + "\"isEnabledForVideo\":null},\"chatAllowTextOnly\":true,\"meetingSpokenLanguageTag\":\"de-DE\","
            + "\"meetingTemplateId\":\"template-1\",\"sensitivityLabelId\":\"label-1\","
            + "\"anonymizeIdentityForRoles\":[\"ATTENDEE\",\"PRESENTER\"]}";

    static final String DEFAULT_SETTINGS = "{\"allowedPresenters\":\"EVERYONE\",\"allowedLobbyAdmitters\":null,"
            + "\"allowMeetingChat\":\"ENABLED\",\"allowLiveShare\":\"ENABLED\","
            + "\"shareMeetingChatHistoryDefault\":\"ALL\",\"allowAttendeeToEnableCamera\":true,"
            + "\"allowAttendeeToEnableMic\":true,\"allowBreakoutRooms\":true,"
            + "\"allowCopyingAndSharingMeetingContent\":true,\"allowParticipantsToChangeName\":false,"
            + "\"allowPowerPointSharing\":true,\"allowRecording\":true,\"allowTeamworkReactions\":true,"
            + "\"allowTranscription\":true,\"allowWhiteboard\":true,\"isEntryExitAnnounced\":true,"
            + "\"isEndToEndEncryptionEnabled\":false,\"recordAutomatically\":false,"
            + "\"lobbyBypass\":{\"scope\":\"ORGANIZATION\",\"isDialInBypassEnabled\":false},"
            + "\"watermarkProtection\":{\"isEnabledForContentSharing\":false,\"isEnabledForVideo\":false},"
            + "\"chatAllowTextOnly\":null,\"meetingSpokenLanguageTag\":null,\"meetingTemplateId\":null,"
            + "\"sensitivityLabelId\":null,\"anonymizeIdentityForRoles\":[]}";

    static final String NO_ATTENDEES = "[]";

    private StoredColumnsOfTheCurrentSchema() {}
}
