package io.graphmeet.meetings;

import java.util.List;

/**
 * The organizer-controlled options of a meeting. Every value may be null, as in Graph's schema;
 * {@link #defaults()} holds what a new Teams meeting starts with.
 */
public record MeetingSettings(
        Presenters allowedPresenters,
        LobbyAdmitters allowedLobbyAdmitters,
        ChatMode allowMeetingChat,
        LiveShare allowLiveShare,
        ChatHistory shareMeetingChatHistoryDefault,
        Boolean allowAttendeeToEnableCamera,
        Boolean allowAttendeeToEnableMic,
        Boolean allowBreakoutRooms,
        Boolean allowCopyingAndSharingMeetingContent,
        Boolean allowParticipantsToChangeName,
        Boolean allowPowerPointSharing,
        Boolean allowRecording,
        Boolean allowTeamworkReactions,
        Boolean allowTranscription,
        Boolean allowWhiteboard,
        Boolean isEntryExitAnnounced,
        Boolean isEndToEndEncryptionEnabled,
        Boolean recordAutomatically,
        LobbyBypass lobbyBypass,
        Watermark watermarkProtection,
        Boolean chatAllowTextOnly,
        String meetingSpokenLanguageTag,
        String meetingTemplateId,
        String sensitivityLabelId,
        List<ParticipantRole> anonymizeIdentityForRoles) {

    public MeetingSettings {
        anonymizeIdentityForRoles =
                anonymizeIdentityForRoles == null ? List.of() : List.copyOf(anonymizeIdentityForRoles);
    }

    public static MeetingSettings defaults() {
        return new MeetingSettings(
                Presenters.EVERYONE,
                null,
                ChatMode.ENABLED,
                LiveShare.ENABLED,
                ChatHistory.ALL,
                true,
                true,
                true,
                true,
                false,
                true,
                true,
                true,
                true,
                true,
                true,
                false,
                false,
                new LobbyBypass(LobbyBypassScope.ORGANIZATION, false),
                new Watermark(false, false),
                null,
                null,
                null,
                null,
                List.of());
    }

    /** Graph's onlineMeetingPresenters. */
    public enum Presenters {
        EVERYONE,
        ORGANIZATION,
        ROLE_IS_PRESENTER,
        ORGANIZER,
        UNKNOWN_FUTURE_VALUE
    }

    /** Graph's allowedLobbyAdmitterRoles. */
    public enum LobbyAdmitters {
        ORGANIZER_AND_CO_ORGANIZERS_AND_PRESENTERS,
        ORGANIZER_AND_CO_ORGANIZERS,
        UNKNOWN_FUTURE_VALUE
    }

    /** Graph's meetingChatMode. */
    public enum ChatMode {
        ENABLED,
        DISABLED,
        LIMITED,
        UNKNOWN_FUTURE_VALUE
    }

    /** Graph's meetingLiveShareOptions. */
    public enum LiveShare {
        ENABLED,
        DISABLED,
        UNKNOWN_FUTURE_VALUE
    }

    /** Graph's meetingChatHistoryDefaultMode. */
    public enum ChatHistory {
        NONE,
        ALL,
        UNKNOWN_FUTURE_VALUE
    }

    /** Graph's lobbyBypassScope; the last two members are evolvable. */
    public enum LobbyBypassScope {
        ORGANIZER,
        ORGANIZATION,
        ORGANIZATION_AND_FEDERATED,
        EVERYONE,
        UNKNOWN_FUTURE_VALUE,
        INVITED,
        ORGANIZATION_EXCLUDING_GUESTS
    }

    /** Who skips the lobby. */
    public record LobbyBypass(LobbyBypassScope scope, Boolean isDialInBypassEnabled) {}

    /** Whether content sharing and video carry a watermark. */
    public record Watermark(Boolean isEnabledForContentSharing, Boolean isEnabledForVideo) {}
}
