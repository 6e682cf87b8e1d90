/**
 * Real-browser tests: {@link io.graphmeet.browser.Browser} drives Debian's Chromium headless through its
 * chromium-driver (never a browser or driver fetched at run time), saves screenshots under
 * {@code server/target/screenshots/} and runs axe-core's accessibility check on a page.
 */
package io.graphmeet.browser;
