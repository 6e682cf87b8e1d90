package io.graphmeet.api.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.graphmeet.meetings.MeetingSettings.ChatHistory;
import io.graphmeet.meetings.MeetingSettings.ChatMode;
import io.graphmeet.meetings.MeetingSettings.LiveShare;
import io.graphmeet.meetings.MeetingSettings.LobbyAdmitters;
import io.graphmeet.meetings.MeetingSettings.LobbyBypassScope;
import io.graphmeet.meetings.MeetingSettings.Presenters;
import io.graphmeet.meetings.ParticipantRole;
import io.graphmeet.meetings.SettingsPatch;

/** Reads the meeting settings Graph lets a caller set on create and update. */
final class SettingsJson {

    private static final FieldReader NONE = FieldReader.of(JsonNodeFactory.instance.objectNode());

    private SettingsJson() {}

    static SettingsPatch read(FieldReader body) {
        FieldReader lobby = orNone(body.object("lobbyBypassSettings"));
        FieldReader watermark = orNone(body.object("watermarkProtection"));
        FieldReader chat = orNone(body.object("chatRestrictions"));
        return new SettingsPatch(
                body.enumValue("allowedPresenters", Presenters.class),
                body.enumValue("allowedLobbyAdmitters", LobbyAdmitters.class),
                body.enumValue("allowMeetingChat", ChatMode.class),
                body.enumValue("allowLiveShare", LiveShare.class),
                body.enumValue("shareMeetingChatHistoryDefault", ChatHistory.class),
                body.bool("allowAttendeeToEnableCamera"),
                body.bool("allowAttendeeToEnableMic"),
                body.bool("allowBreakoutRooms"),
                body.bool("allowCopyingAndSharingMeetingContent"),
                body.bool("allowPowerPointSharing"),
                body.bool("allowRecording"),
                body.bool("allowTeamworkReactions"),
                body.bool("allowTranscription"),
                body.bool("allowWhiteboard"),
                body.bool("isEntryExitAnnounced"),
                body.bool("recordAutomatically"),
                lobby.enumValue("scope", LobbyBypassScope.class),
                lobby.bool("isDialInBypassEnabled"),
                watermark.bool("isEnabledForContentSharing"),
                watermark.bool("isEnabledForVideo"),
                chat.bool("allowTextOnly"),
                body.enumValues("anonymizeIdentityForRoles", ParticipantRole.class));
    }

    private static FieldReader orNone(FieldReader nested) {
        return nested == null ? NONE : nested;
    }
}
