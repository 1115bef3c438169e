/** The platform administrator's pages for agencies and communities. */
package org.interlink.admin.view.agencies;
