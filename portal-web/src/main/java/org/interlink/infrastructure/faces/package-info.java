/** Faces glue: business refusals shown as messages, and the converters the pages share. */
package org.interlink.infrastructure.faces;
