/**
 * The audit trail: every access and change, written by the one audit gate in the same transaction
 * as the action, chained by SHA-256 per agency so that a changed, removed or reordered event is
 * found, and read by auditors as far as their agency goes.
 */
package org.interlink.audit;
