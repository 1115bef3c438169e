/** Recommendations one agency addresses to another, optionally from a meeting. */
package org.interlink.recommendation;
