/**
 * Vetting: an item version goes DRAFT → SUBMITTED → PUBLISHED, or back to the author (RETURNED)
 * and SUBMITTED again; it can be WITHDRAWN or, once published, ARCHIVED; a newer published version
 * SUPERSEDES it. Four eyes: a vetter of the owner agency publishes, never their own version.
 */
package org.interlink.workflow;
