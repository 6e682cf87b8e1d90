/** The admin API as a Java client: {@link io.graphmeet.testkit.admin.AdminClient}. */
package io.graphmeet.testkit.admin;
