package io.graphmeet.auth;

/** Whose meetings a request addresses: {@code /me} or {@code /users/{userId}}. */
public sealed interface Target {

    /** {@code /me/...}: the signed-in user. */
    record Me() implements Target {}

    /** {@code /users/{userId}/...}: a user named by object id or UPN. */
    record User(String idOrUpn) implements Target {}
}
