package io.graphmeet.meetings;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** Identifiers drawn from a cryptographically strong random source, thread GUIDs stamped by the given clock. */
public final class RandomMeetingIdentifiers implements MeetingIdentifiers {

    private static final String PASSCODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final long JOIN_ID_FLOOR = 100_000_000_000L;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public RandomMeetingIdentifiers(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A version-7 GUID: a millisecond timestamp, then random bits. Meeting ids embed the thread GUID, so
     * meetings created together sort together and share index pages, which keeps each commit small.
     */
    @Override
    public UUID newThreadGuid() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
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
