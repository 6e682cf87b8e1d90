/** An example application: {@link io.graphmeet.examples.booker.MeetingBooker} books Teams meetings for appointments. */
package io.graphmeet.examples.booker;
