package io.graphmeet.store;

import static io.graphmeet.store.StoredColumnsOfTheCurrentSchema.DEFAULT_SETTINGS;
import static io.graphmeet.store.StoredColumnsOfTheCurrentSchema.FULL_ATTENDEES;
import static io.graphmeet.store.StoredColumnsOfTheCurrentSchema.FULL_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingSettings;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The JSON columns keep their stored shape, read every row written so far, and refuse what they do not know. */
class MeetingColumnsTest {

    private final Meeting full = MeetingStoreContract.fullMeeting("t-1", "ext-1");

    @Test
    void readsTheColumnsAsTheCurrentSchemaWroteThem() throws SQLException {
        assertThat(MeetingColumns.attendees(FULL_ATTENDEES)).isEqualTo(full.attendees());
        assertThat(MeetingColumns.settings(FULL_SETTINGS)).isEqualTo(full.settings());
        assertThat(MeetingColumns.settings(DEFAULT_SETTINGS)).isEqualTo(MeetingSettings.defaults());
    }

    @Test
    void writesTheSameTextTheCurrentSchemaWrote() throws SQLException {
        assertThat(MeetingColumns.attendeesText(full.attendees())).isEqualTo(FULL_ATTENDEES);
        assertThat(MeetingColumns.settingsText(full.settings())).isEqualTo(FULL_SETTINGS);
    }

    @Test
    void defaultSettingsAreWrittenAsTheEmptyTextAndReadBackFromItAndFromTheirEarlierJson() throws SQLException {
        assertThat(MeetingColumns.settingsText(MeetingSettings.defaults())).isEmpty();
        assertThat(MeetingColumns.settings("")).isEqualTo(MeetingSettings.defaults());
        assertThat(MeetingColumns.settings(DEFAULT_SETTINGS)).isEqualTo(MeetingSettings.defaults());
    }

    @Test
    void refusesARenamedOrUnknownProperty() {
        String renamed = FULL_SETTINGS.replace("\"allowRecording\"", "\"allowRecordings\"");
        String extraPersonField = FULL_ATTENDEES.replace("\"upn\":null", "\"upn\":null,\"mail\":null");

        assertThatThrownBy(() -> MeetingColumns.settings(renamed))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("allowRecordings");
        assertThatThrownBy(() -> MeetingColumns.attendees(extraPersonField))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("mail");
    }

    @Test
    void refusesAnUnknownEnumNameAndAMissingPerson() {
        String unknownRole = FULL_ATTENDEES.replace("\"PRESENTER\"", "\"CO_HOST\"");
        String noPerson = "[{\"person\":null,\"role\":\"ATTENDEE\"}]";

        assertThatThrownBy(() -> MeetingColumns.attendees(unknownRole))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("CO_HOST");
        assertThatThrownBy(() -> MeetingColumns.attendees(noPerson)).isInstanceOf(SQLException.class);
    }

    @Test
    void settingsWithoutLobbyBypassOrWatermarkRoundTrip() throws SQLException {
        MeetingSettings bare = new MeetingSettings(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);

        assertThat(MeetingColumns.settings(MeetingColumns.settingsText(bare))).isEqualTo(bare);
    }
}
