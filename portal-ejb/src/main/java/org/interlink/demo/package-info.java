/**
 * Demo data for the run command and the browser tests (the agencies of the founding case), created
 * through the boundaries at start when {@code interlink.demo-data=true}. Production leaves it off.
 */
package org.interlink.demo;
