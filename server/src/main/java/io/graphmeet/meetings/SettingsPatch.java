package io.graphmeet.meetings;

import io.graphmeet.meetings.MeetingSettings.ChatHistory;
import io.graphmeet.meetings.MeetingSettings.ChatMode;
import io.graphmeet.meetings.MeetingSettings.LiveShare;
import io.graphmeet.meetings.MeetingSettings.LobbyAdmitters;
import io.graphmeet.meetings.MeetingSettings.LobbyBypass;
import io.graphmeet.meetings.MeetingSettings.LobbyBypassScope;
import io.graphmeet.meetings.MeetingSettings.Presenters;
import io.graphmeet.meetings.MeetingSettings.Watermark;
import java.util.List;

/**
 * Changes to the settings Graph lets a caller set on create and update. A null value leaves the setting as
 * it is; nested objects (lobby bypass, watermark) merge property by property, as Graph's PATCH does.
 */
public record SettingsPatch(
        Presenters allowedPresenters,
        LobbyAdmitters allowedLobbyAdmitters,
        ChatMode allowMeetingChat,
        LiveShare allowLiveShare,
        ChatHistory shareMeetingChatHistoryDefault,
        Boolean allowAttendeeToEnableCamera,
        Boolean allowAttendeeToEnableMic,
        Boolean allowBreakoutRooms,
        Boolean allowCopyingAndSharingMeetingContent,
        Boolean allowPowerPointSharing,
        Boolean allowRecording,
        Boolean allowTeamworkReactions,
        Boolean allowTranscription,
        Boolean allowWhiteboard,
        Boolean isEntryExitAnnounced,
        Boolean recordAutomatically,
        LobbyBypassScope lobbyBypassScope,
        Boolean isDialInBypassEnabled,
        Boolean watermarkForContentSharing,
        Boolean watermarkForVideo,
        Boolean chatAllowTextOnly,
        List<ParticipantRole> anonymizeIdentityForRoles) {

    /** Graph lets only attendees be anonymised. */
    private static final List<ParticipantRole> ANONYMIZABLE = List.of(ParticipantRole.ATTENDEE);

    public SettingsPatch {
        if (anonymizeIdentityForRoles != null) {
            anonymizeIdentityForRoles = List.copyOf(anonymizeIdentityForRoles);
            if (!ANONYMIZABLE.containsAll(anonymizeIdentityForRoles)) {
                throw new InvalidMeetingException("anonymizeIdentityForRoles may only contain attendee.");
            }
        }
    }

    /** Changes nothing. */
    public static SettingsPatch none() {
        return new SettingsPatch(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** {@code current} with these changes; anonymised roles can be added but, as in Graph, never removed. */
    public MeetingSettings applyTo(MeetingSettings current) {
        if (anonymizeIdentityForRoles != null
                && !anonymizeIdentityForRoles.containsAll(current.anonymizeIdentityForRoles())) {
            throw new InvalidMeetingException("anonymizeIdentityForRoles: a role cannot be removed once anonymised.");
        }
        LobbyBypass lobby = current.lobbyBypass() == null ? new LobbyBypass(null, null) : current.lobbyBypass();
        Watermark watermark =
                current.watermarkProtection() == null ? new Watermark(null, null) : current.watermarkProtection();
        return new MeetingSettings(
                or(allowedPresenters, current.allowedPresenters()),
                or(allowedLobbyAdmitters, current.allowedLobbyAdmitters()),
                or(allowMeetingChat, current.allowMeetingChat()),
                or(allowLiveShare, current.allowLiveShare()),
                or(shareMeetingChatHistoryDefault, current.shareMeetingChatHistoryDefault()),
                or(allowAttendeeToEnableCamera, current.allowAttendeeToEnableCamera()),
                or(allowAttendeeToEnableMic, current.allowAttendeeToEnableMic()),
                or(allowBreakoutRooms, current.allowBreakoutRooms()),
                or(allowCopyingAndSharingMeetingContent, current.allowCopyingAndSharingMeetingContent()),
                current.allowParticipantsToChangeName(),
                or(allowPowerPointSharing, current.allowPowerPointSharing()),
                or(allowRecording, current.allowRecording()),
                or(allowTeamworkReactions, current.allowTeamworkReactions()),
                or(allowTranscription, current.allowTranscription()),
                or(allowWhiteboard, current.allowWhiteboard()),
                or(isEntryExitAnnounced, current.isEntryExitAnnounced()),
                current.isEndToEndEncryptionEnabled(),
                or(recordAutomatically, current.recordAutomatically()),
                new LobbyBypass(
                        or(lobbyBypassScope, lobby.scope()), or(isDialInBypassEnabled, lobby.isDialInBypassEnabled())),
                new Watermark(
                        or(watermarkForContentSharing, watermark.isEnabledForContentSharing()),
                        or(watermarkForVideo, watermark.isEnabledForVideo())),
                or(chatAllowTextOnly, current.chatAllowTextOnly()),
                current.meetingSpokenLanguageTag(),
                current.meetingTemplateId(),
                current.sensitivityLabelId(),
                or(anonymizeIdentityForRoles, current.anonymizeIdentityForRoles()));
    }

    private static <T> T or(T change, T current) {
        return change != null ? change : current;
    }
}
