/** Pages about the caller: the bar with who they are and the agency they act for, choosing an agency, and the second-factor page. */
package org.interlink.caller.view;
