package org.interlink.infrastructure.rest;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.logging.Logger;

/**
 * Keeps the generated OpenAPI document standard: Payara adds a top-level {@code endpoints} map of
 * its own, which OpenAPI 3.0 does not allow (validators reject the document). Registered with
 * {@code mp.openapi.filter}.
 */
public class ApiDocumentFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ApiDocumentFilter.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI document) {
        try {
            document.getClass().getMethod("setEndpoints", java.util.Map.class).invoke(document, new java.util.HashMap<String, java.util.Set<String>>());
        } catch (ReflectiveOperationException e) {
            LOG.fine(() -> "no Payara endpoints map to remove: " + e);
        }
    }
}
