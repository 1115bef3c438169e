/**
 * What every shared thing has in common. An {@code Item} (records, recommendations, meeting
 * outcomes) has an owner agency and a list of versions; each {@code ItemVersion} carries the
 * content, the marking and sharing, and its vetting state; {@code ItemEvent}s keep the history.
 * The rules of who may do what live on {@code Item}.
 */
package org.interlink.item;
