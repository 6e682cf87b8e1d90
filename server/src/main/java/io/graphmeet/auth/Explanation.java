package io.graphmeet.auth;

import io.graphmeet.directory.PolicyGrant;
import java.util.Objects;

/**
 * Why the Graph edge would allow or refuse an app acting for a user: the permission its token would carry that the
 * operation needs (null when none), the grant whose policy decided (null when no policy is granted to the user nor
 * tenant-wide), and the whole decision in words.
 */
public record Explanation(boolean allowed, String permission, PolicyGrant policy, String words) {

    public Explanation {
        Objects.requireNonNull(words, "words");
    }
}
