package io.graphmeet.api.json;

import io.graphmeet.meetings.Meeting;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code joinInformation} body Teams writes: a {@code data:text/html,} URL holding the join link, the
 * meeting id and passcode and a meeting-options link. The text is English; {@code Accept-Language} picks the
 * English variant, and other languages fall back to {@code en-US}.
 */
final class JoinInformation {

    /** The language when the caller asks for none we have. */
    static final String DEFAULT_LANGUAGE = "en-US";

    private JoinInformation() {}

    /** The first language of an {@code Accept-Language} header (by weight) that we can write. */
    static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange();
                if (range.getWeight() > 0 && tag.startsWith("en-") && !tag.contains("*")) {
                    return Locale.forLanguageTag(tag).toLanguageTag();
                }
                if (range.getWeight() > 0 && (tag.equals("en") || tag.equals("*"))) {
                    return DEFAULT_LANGUAGE;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return DEFAULT_LANGUAGE;
        }
        return DEFAULT_LANGUAGE;
    }

    static String dataUrl(Meeting meeting, String meetingOptionsUrl, String language) {
        EncodedHtml html = new EncodedHtml()
                .append("<div style=\"width:100%;\"><span style=\"white-space:nowrap;color:#5F5F5F;opacity:.36;\">")
                .append("________________________________________________________________________________")
                .append("</span></div><div class=\"me-email-text\" lang=\"")
                .value(language)
                .append(
                        "\" style=\"color:#252424;font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;\">")
                .append(
                        "<div style=\"margin-top:24px;margin-bottom:20px;\"><span style=\"font-size:24px;color:#252424\">Microsoft Teams meeting</span></div>")
                .append(
                        "<div style=\"margin-bottom:20px;\"><div style=\"margin-top:0px;margin-bottom:0px;font-weight:bold\"><span style=\"font-size:14px;color:#252424\">Join on your computer, mobile app or room device</span></div>")
                .append(
                        "<a class=\"me-email-headline\" style=\"font-size:14px;font-family:'Segoe UI Semibold','Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;text-decoration:underline;color:#6264a7;\" href=\"")
                .value(escape(meeting.joinWebUrl()))
                .append("\" target=\"_blank\" rel=\"noreferrer noopener\">Click here to join the meeting</a></div>")
                .append(
                        "<div style=\"margin-bottom:20px;margin-top:20px\"><div style=\"margin-bottom:4px\"><span data-tid=\"meeting-code\" style=\"font-size:14px;color:#252424;\">Meeting ID: <span style=\"font-size:16px;color:#252424;\">")
                .value(grouped(meeting.joinMeetingId()))
                .append("</span></span>");
        if (meeting.passcode() != null) {
            html.append(
                            "<br><span style=\"font-size:14px;color:#252424;\">Passcode: </span><span style=\"font-size:16px;color:#252424;\">")
                    .value(escape(meeting.passcode()))
                    .append("</span>");
        }
        html.append(
                        "</div></div><div style=\"margin-bottom:24px;margin-top:20px;\"><a class=\"me-email-link\" style=\"font-size:14px;text-decoration:underline;color:#6264a7;font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;\" target=\"_blank\" href=\"")
                .value(escape(meetingOptionsUrl))
                .append("\" rel=\"noreferrer noopener\">Meeting options</a></div></div>")
                .append(
                        "<div style=\"font-size:14px;margin-bottom:4px;font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;\"></div>")
                .append("<div style=\"width:100%;\"><span style=\"white-space:nowrap;color:#5F5F5F;opacity:.36;\">")
                .append("________________________________________________________________________________")
                .append("</span></div>");
        return "data:text/html," + html;
    }

    /** {@code 368006932136} as {@code 368 006 932 136}. */
    static String grouped(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 3 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /**
     * HTML built already URL-encoded: the fixed markup is encoded once and remembered, only the meeting's own
     * values are encoded per call (encoding a concatenation equals concatenating the encodings).
     */
    private static final class EncodedHtml {
        private static final Map<String, String> MARKUP = new ConcurrentHashMap<>();
        private final StringBuilder encoded = new StringBuilder(4096);

        EncodedHtml append(String markup) {
            encoded.append(MARKUP.computeIfAbsent(markup, EncodedHtml::encode));
            return this;
        }

        EncodedHtml value(String text) {
            encoded.append(encode(text));
            return this;
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return encoded.toString();
        }
    }
}
