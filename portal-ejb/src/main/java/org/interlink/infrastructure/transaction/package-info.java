/** Undoing a change made outside the database when the transaction it belongs to does not commit. */
package org.interlink.infrastructure.transaction;
