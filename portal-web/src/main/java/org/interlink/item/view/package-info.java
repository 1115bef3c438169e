/** The item pages: lists, search, one item with its workflow steps, the edit forms' shared base, exports and attachment downloads. */
package org.interlink.item.view;
