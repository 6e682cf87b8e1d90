package io.graphmeet.api.json;

/**
 * How a response shows meetings: whether evolvable enum members are spelled out, the language of
 * {@code joinInformation}, and the selected properties.
 */
public record MeetingView(boolean includeUnknownEnums, String language, Select select) {

    /** The view a request asks for with its {@code Prefer}, {@code Accept-Language} and {@code $select}. */
    public static MeetingView of(boolean includeUnknownEnums, String acceptLanguage, Select select) {
        return new MeetingView(includeUnknownEnums, JoinInformation.language(acceptLanguage), select);
    }
}
