/** Meeting outcomes: who met, when and where, what they decided, action items and linked recommendations. */
package org.interlink.meeting;
