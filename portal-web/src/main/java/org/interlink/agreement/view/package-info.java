/** The register of data-sharing agreements, for an agency's administrators. */
package org.interlink.agreement.view;
