package io.graphmeet.api.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.graphmeet.http.JsonFields;
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

    private static final JsonFields NONE = JsonFields.of(JsonNodeFactory.instance.objectNode());

    private SettingsJson() {}

    static SettingsPatch read(JsonFields body) {
        JsonFields lobby = orNone(body.object("lobbyBypassSettings"));
        JsonFields watermark = orNone(body.object("watermarkProtection"));
        JsonFields chat = orNone(body.object("chatRestrictions"));
        return new SettingsPatch(
                body.string("allowedPresenters", GraphValues.member(Presenters.class)),
                body.string("allowedLobbyAdmitters", GraphValues.member(LobbyAdmitters.class)),
                body.string("allowMeetingChat", GraphValues.member(ChatMode.class)),
                body.string("allowLiveShare", GraphValues.member(LiveShare.class)),
                body.string("shareMeetingChatHistoryDefault", GraphValues.member(ChatHistory.class)),
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
                lobby.string("scope", GraphValues.member(LobbyBypassScope.class)),
                lobby.bool("isDialInBypassEnabled"),
                watermark.bool("isEnabledForContentSharing"),
                watermark.bool("isEnabledForVideo"),
                chat.bool("allowTextOnly"),
                body.strings("anonymizeIdentityForRoles", GraphValues.member(ParticipantRole.class)));
    }

    private static JsonFields orNone(JsonFields nested) {
        return nested == null ? NONE : nested;
    }
}
