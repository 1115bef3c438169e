/** Meeting outcomes over the REST API: drafting, editing and the action items' updates. */
package org.interlink.meeting.api;
