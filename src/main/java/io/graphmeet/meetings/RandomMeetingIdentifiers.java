package io.graphmeet.meetings;

import java.security.SecureRandom;
import java.util.UUID;

/** Identifiers drawn from a cryptographically strong random source. */
public final class RandomMeetingIdentifiers implements MeetingIdentifiers {

    private static final String PASSCODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final long JOIN_ID_FLOOR = 100_000_000_000L;

    private final SecureRandom random = new SecureRandom();

    @Override
    public UUID newThreadGuid() {
        return UUID.randomUUID();
    }

    @Override
    public String newJoinMeetingId() {
        return Long.toString(JOIN_ID_FLOOR + random.nextLong(9 * JOIN_ID_FLOOR));
    }

    @Override
    public String newPasscode() {
        char[] code = new char[6];
        for (int i = 0; i < code.length; i++) {
            code[i] = PASSCODE_ALPHABET.charAt(random.nextInt(PASSCODE_ALPHABET.length()));
        }
        return new String(code);
    }
}
