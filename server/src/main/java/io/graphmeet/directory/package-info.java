/**
 * Tenants, users, application access policies and their grants. Entry point:
 * {@link io.graphmeet.directory.Directory}; storage port: {@link io.graphmeet.directory.DirectoryStore}.
 */
package io.graphmeet.directory;
