/** The reader's language (English, French, Arabic) and the message bundles the pages read. */
package org.interlink.infrastructure.i18n;
