/**
 * The console: a browser front end to the admin API on the admin listener, under {@code /console/}. Signing in with
 * the admin key (or, in the development profile, with the one-time link the start-up log prints) opens a session
 * held in memory ({@link io.graphmeet.console.ConsoleSessions}); its cookie is the admin API's second credential,
 * with a CSRF token on every change. The pages are static files (HTML, CSS, JavaScript modules) served from the
 * classpath under a strict Content-Security-Policy ({@link io.graphmeet.console.ConsoleRoutes}); they read and
 * change everything through the admin API's JSON.
 */
package io.graphmeet.console;
