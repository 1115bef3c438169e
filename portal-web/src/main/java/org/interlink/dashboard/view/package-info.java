/** The first page after sign-in: what needs the caller's attention and the charts of what is shared with their agency. */
package org.interlink.dashboard.view;
