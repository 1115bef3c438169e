/** Agencies and communities over the REST API, read as the caller may read them. */
package org.interlink.agency.api;
