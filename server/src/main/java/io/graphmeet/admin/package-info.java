/**
 * The operator surface: the admin HTTP API on its own listener ({@link io.graphmeet.admin.AdminRoutes}, built on the
 * edge kit in {@code io.graphmeet.http}; every route guarded by {@link io.graphmeet.admin.AdminKey}, or by a console
 * session with its CSRF token: {@link io.graphmeet.admin.AdminSessions}) over the directory, meeting and signing-key
 * stores. The CLI in {@code io.graphmeet.cli} drives it.
 */
package io.graphmeet.admin;
