/**
 * The operator surface: the admin HTTP API on its own listener ({@link io.graphmeet.admin.AdminRoutes}, guarded
 * by {@link io.graphmeet.admin.AdminKey}) over the directory, meeting and signing-key stores. The CLI in
 * {@code io.graphmeet.cli} drives it.
 */
package io.graphmeet.admin;
