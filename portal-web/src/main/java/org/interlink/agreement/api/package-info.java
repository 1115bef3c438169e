/** The register of data-sharing agreements over the REST API. */
package org.interlink.agreement.api;
