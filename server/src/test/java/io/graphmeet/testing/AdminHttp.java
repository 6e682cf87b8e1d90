package io.graphmeet.testing;

import java.net.http.HttpRequest;

/** A plain HTTP client for the admin API, sending the admin key unless told otherwise. */
public final class AdminHttp {

    private final GraphHttp http;
    private final String key;

    public AdminHttp(String adminUrl, String key) {
        this.http = new GraphHttp(adminUrl);
        this.key = key;
    }

    /** The same API with another key (null: none). */
    public AdminHttp withKey(String otherKey) {
        return new AdminHttp(http.baseUrl(), otherKey);
    }

    public GraphResponse get(String path) {
        return http.send(http.request(path, key).GET());
    }

    public GraphResponse post(String path, String json) {
        return send("POST", path, json);
    }

    public GraphResponse put(String path, String json) {
        return send("PUT", path, json);
    }

    public GraphResponse patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public GraphResponse delete(String path) {
        return http.send(http.request(path, key).DELETE());
    }

    /** A request with any method and body; a null body sends none. */
    public GraphResponse send(String method, String path, String json) {
        HttpRequest.Builder request = http.request(path, key);
        if (json == null) {
            return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return http.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }
}
