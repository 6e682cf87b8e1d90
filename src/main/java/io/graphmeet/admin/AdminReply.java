package io.graphmeet.admin;

/** An admin API answer: status and the value written as its JSON body (null for none). */
record AdminReply(int status, Object body) {

    static AdminReply ok(Object body) {
        return new AdminReply(200, body);
    }

    static AdminReply created(Object body) {
        return new AdminReply(201, body);
    }

    static AdminReply noContent() {
        return new AdminReply(204, null);
    }
}
