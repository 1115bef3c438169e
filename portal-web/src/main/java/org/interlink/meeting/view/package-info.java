/** The meeting-outcome form. */
package org.interlink.meeting.view;
