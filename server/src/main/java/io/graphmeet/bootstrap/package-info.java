/** The declarative directory seed applied at start-up ({@link io.graphmeet.bootstrap.BootstrapFile}). */
package io.graphmeet.bootstrap;
