package io.graphmeet.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Graph's v1.0 onlineMeeting on the wire: every property present, unset ones as explicit nulls. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OnlineMeetingJson(
        @JsonProperty("@odata.context") String odataContext,
        String id,
        String creationDateTime,
        String startDateTime,
        String endDateTime,
        String expiryDateTime,
        String joinWebUrl,
        String meetingOptionsWebUrl,
        String subject,
        Boolean isBroadcast,
        Boolean isEntryExitAnnounced,
        String allowedPresenters,
        String allowedLobbyAdmitters,
        String allowMeetingChat,
        String shareMeetingChatHistoryDefault,
        Boolean allowTeamworkReactions,
        Boolean allowAttendeeToEnableMic,
        Boolean allowAttendeeToEnableCamera,
        Boolean allowParticipantsToChangeName,
        Boolean allowRecording,
        Boolean allowTranscription,
        Boolean allowBreakoutRooms,
        Boolean allowCopyingAndSharingMeetingContent,
        String allowLiveShare,
        Boolean allowPowerPointSharing,
        Boolean allowWhiteboard,
        Boolean isEndToEndEncryptionEnabled,
        Boolean recordAutomatically,
        List<String> anonymizeIdentityForRoles,
        String videoTeleconferenceId,
        String externalId,
        String meetingType,
        String meetingTemplateId,
        String meetingSpokenLanguageTag,
        Object broadcastSettings,
        SensitivityLabel sensitivityLabelAssignment,
        Object cloudVideoInteropInfo,
        Watermark watermarkProtection,
        Object audioConferencing,
        Participants participants,
        LobbyBypass lobbyBypassSettings,
        JoinMeetingIdSettings joinMeetingIdSettings,
        ChatInfo chatInfo,
        ChatRestrictions chatRestrictions,
        ItemBody joinInformation) {

    /** meetingParticipants. */
    public record Participants(Participant organizer, List<Participant> attendees) {}

    /** meetingParticipantInfo. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Participant(String upn, String role, IdentitySet identity) {}

    /** identitySet as Graph writes it for users. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IdentitySet(Object application, Object device, UserIdentity user) {}

    /** communicationsUserIdentity. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UserIdentity(String id, String displayName, String tenantId, String identityProvider) {}

    /** lobbyBypassSettings. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LobbyBypass(String scope, Boolean isDialInBypassEnabled) {}

    /** joinMeetingIdSettings. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record JoinMeetingIdSettings(Boolean isPasscodeRequired, String joinMeetingId, String passcode) {}

    /** chatInfo. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChatInfo(String threadId, String messageId, String replyChainMessageId) {}

    /** chatRestrictions. */
    public record ChatRestrictions(Boolean allowTextOnly) {}

    /** watermarkProtectionValues. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Watermark(Boolean isEnabledForContentSharing, Boolean isEnabledForVideo) {}

    /** onlineMeetingSensitivityLabelAssignment. */
    public record SensitivityLabel(String sensitivityLabelId) {}

    /** itemBody. */
    public record ItemBody(String content, String contentType) {}
}
