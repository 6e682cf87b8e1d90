package io.graphmeet.http;

/**
 * What every string graphmeet accepts must be: well-formed Unicode text with no NUL character and no unpaired
 * UTF-16 surrogate. No database keeps those faithfully: PostgreSQL refuses NUL, and SQLite stores every unpaired
 * surrogate as {@code ?}, so "a", U+D800, "b" and "a", U+DBFF, "b" would be one key.
 */
public final class Text {

    /** The end of an error message that names the offending value. */
    public static final String RULE = "must not contain NUL characters or unpaired UTF-16 surrogates.";

    private Text() {}

    public static boolean isAcceptable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
