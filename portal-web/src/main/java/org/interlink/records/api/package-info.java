/** Migration-management records over the REST API: drafting and editing. */
package org.interlink.records.api;
