/** Recommendations over the REST API: drafting, editing and the addressee's follow-up. */
package org.interlink.recommendation.api;
