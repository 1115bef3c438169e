/** The pages where administrators manage the members of an agency. */
package org.interlink.admin.view.members;
