package io.graphmeet.api.json;

import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingSettings;
import io.graphmeet.meetings.ParticipantRole;
import io.graphmeet.meetings.Person;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Renders a domain meeting as Graph's onlineMeeting JSON. */
public final class MeetingJson {

    private final String publicBase;
    private final String joinBase;

    /**
     * @param publicBase graphmeet's own base URL, for {@code @odata.context}
     * @param joinBase the base of join and meeting-options links
     */
    public MeetingJson(String publicBase, String joinBase) {
        this.publicBase = publicBase;
        this.joinBase = joinBase;
    }

    /** The meeting as the body of a single-entity response. */
    public OnlineMeetingJson render(Meeting meeting, boolean includeUnknownEnums) {
        MeetingSettings settings = meeting.settings();
        String optionsUrl = meetingOptionsUrl(meeting);
        return new OnlineMeetingJson(
                publicBase + "/v1.0/$metadata#users('" + meeting.organizer().id() + "')/onlineMeetings/$entity",
                meeting.id(),
                meeting.creationDateTime().toString(),
                meeting.startDateTime().toString(),
                meeting.endDateTime().toString(),
                meeting.expiryDateTime().toString(),
                meeting.joinWebUrl(),
                optionsUrl,
                meeting.subject(),
                false,
                settings.isEntryExitAnnounced(),
                EnumNames.render(settings.allowedPresenters(), includeUnknownEnums),
                EnumNames.render(settings.allowedLobbyAdmitters(), includeUnknownEnums),
                EnumNames.render(settings.allowMeetingChat(), includeUnknownEnums),
                EnumNames.render(settings.shareMeetingChatHistoryDefault(), includeUnknownEnums),
                settings.allowTeamworkReactions(),
                settings.allowAttendeeToEnableMic(),
                settings.allowAttendeeToEnableCamera(),
                settings.allowParticipantsToChangeName(),
                settings.allowRecording(),
                settings.allowTranscription(),
                settings.allowBreakoutRooms(),
                settings.allowCopyingAndSharingMeetingContent(),
                EnumNames.render(settings.allowLiveShare(), includeUnknownEnums),
                settings.allowPowerPointSharing(),
                settings.allowWhiteboard(),
                settings.isEndToEndEncryptionEnabled(),
                settings.recordAutomatically(),
                settings.anonymizeIdentityForRoles().stream()
                        .map(role -> EnumNames.render(role, includeUnknownEnums)).toList(),
                null,
                meeting.externalId(),
                null,
                settings.meetingTemplateId(),
                settings.meetingSpokenLanguageTag(),
                null,
                settings.sensitivityLabelId() == null ? null
                        : new OnlineMeetingJson.SensitivityLabel(settings.sensitivityLabelId()),
                null,
                settings.watermarkProtection() == null ? null : new OnlineMeetingJson.Watermark(
                        settings.watermarkProtection().isEnabledForContentSharing(),
                        settings.watermarkProtection().isEnabledForVideo()),
                null,
                new OnlineMeetingJson.Participants(
                        participant(meeting.organizer(), ParticipantRole.PRESENTER, includeUnknownEnums),
                        meeting.attendees().stream()
                                .map(attendee -> participant(attendee, includeUnknownEnums)).toList()),
                settings.lobbyBypass() == null ? null : new OnlineMeetingJson.LobbyBypass(
                        EnumNames.render(settings.lobbyBypass().scope(), includeUnknownEnums),
                        settings.lobbyBypass().isDialInBypassEnabled()),
                new OnlineMeetingJson.JoinMeetingIdSettings(meeting.isPasscodeRequired(), meeting.joinMeetingId(),
                        meeting.passcode()),
                new OnlineMeetingJson.ChatInfo(meeting.threadId(), meeting.messageId(), null),
                settings.chatAllowTextOnly() == null ? null
                        : new OnlineMeetingJson.ChatRestrictions(settings.chatAllowTextOnly()),
                new OnlineMeetingJson.ItemBody(JoinInformation.dataUrl(meeting, optionsUrl), "html"));
    }

    private String meetingOptionsUrl(Meeting meeting) {
        return joinBase + "/meetingOptions/?organizerId=" + meeting.organizer().id()
                + "&tenantId=" + meeting.tenantId()
                + "&threadId=" + URLEncoder.encode(meeting.threadId().replace(':', '_'), StandardCharsets.UTF_8)
                + "&messageId=" + meeting.messageId()
                + "&language=en-US";
    }

    private static OnlineMeetingJson.Participant participant(Attendee attendee, boolean includeUnknownEnums) {
        return participant(attendee.person(), attendee.role(), includeUnknownEnums);
    }

    private static OnlineMeetingJson.Participant participant(Person person, ParticipantRole role,
            boolean includeUnknownEnums) {
        return new OnlineMeetingJson.Participant(person.upn(), EnumNames.render(role, includeUnknownEnums),
                new OnlineMeetingJson.IdentitySet(null, null, new OnlineMeetingJson.UserIdentity(
                        person.id(), person.displayName(), person.tenantId(), "AAD")));
    }
}
