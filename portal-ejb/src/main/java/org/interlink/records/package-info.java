/**
 * Migration-management records: displacement figures, border incidents, travel-document alerts,
 * SOPs, training reports and equipment, each with its own structured fields, and attachments.
 */
package org.interlink.records;
