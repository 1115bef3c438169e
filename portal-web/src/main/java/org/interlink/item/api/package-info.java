/** Items of every kind over the REST API: list, read, history, attachments and the workflow steps. */
package org.interlink.item.api;
