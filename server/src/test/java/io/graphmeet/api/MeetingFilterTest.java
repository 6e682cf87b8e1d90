package io.graphmeet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeetingFilterTest {

    @Test
    void readsTheTwoLookupsWithAnyCaseAndSpacing() {
        assertThat(MeetingFilter.parse("JoinWebUrl eq 'https://x/l'"))
                .isEqualTo(new MeetingFilter.ByJoinWebUrl("https://x/l"));
        assertThat(MeetingFilter.parse(" \tjoinweburl  eq\n'a b' ")).isEqualTo(new MeetingFilter.ByJoinWebUrl("a b"));
        assertThat(MeetingFilter.parse("joinMeetingIdSettings/joinMeetingId eq '123456789012'"))
                .isEqualTo(new MeetingFilter.ByJoinMeetingId("123456789012"));
    }

    @Test
    void twoQuotesInsideTheValueAreOneQuote() {
        assertThat(MeetingFilter.parse("JoinWebUrl eq 'it''s'''")).isEqualTo(new MeetingFilter.ByJoinWebUrl("it's'"));
        assertThat(MeetingFilter.parse("JoinWebUrl eq ''")).isEqualTo(new MeetingFilter.ByJoinWebUrl(""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "JoinWebUrl",
                "JoinWebUrl eq",
                "JoinWebUrl eq 'open",
                "JoinWebUrl eq 'a' b",
                "JoinWebUrleq 'a'",
                "JoinWebUrl eq'a'",
                "JoinWebUrl ne 'a'",
                "subject eq 'a'",
                "a/b/c eq 'a'",
                "joinMeetingIdSettings/ eq 'a'",
                "/joinMeetingId eq 'a'",
                "JoinWebUrl eq 'a''",
                "Jöin eq 'a'",
                "JoinWebUrl eq \"a\""
            })
    void anythingElseIsAnInvalidArgument(String filter) {
        assertThatThrownBy(() -> MeetingFilter.parse(filter)).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.error()).isEqualTo(GraphError.INVALID_ARGUMENT);
            assertThat(e.getMessage()).isEqualTo(MeetingFilter.EXPECTED);
        });
    }

    @Test
    void aFilterUpToTheLimitIsReadInOnePassAndALongerOneIsABadRequest() {
        String prefix = "JoinWebUrl eq '";
        String atLimit = prefix + "''".repeat((MeetingFilter.MAX_LENGTH - prefix.length() - 1) / 2) + "'";

        assertThat(atLimit.length()).isLessThanOrEqualTo(MeetingFilter.MAX_LENGTH);
        assertThat(MeetingFilter.parse(atLimit)).isInstanceOf(MeetingFilter.ByJoinWebUrl.class);
        assertThatThrownBy(() -> MeetingFilter.parse(prefix + "a".repeat(MeetingFilter.MAX_LENGTH) + "'"))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.error()).isEqualTo(GraphError.BAD_REQUEST));
    }
}
