/** The REST API's application, OpenAPI document, problem details and request limits. */
package org.interlink.infrastructure.rest;
