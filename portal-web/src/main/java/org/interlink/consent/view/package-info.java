/** The consent requests of an agency's items, for its vetters. */
package org.interlink.consent.view;
