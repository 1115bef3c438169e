package org.interlink.infrastructure.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Completes the generated OpenAPI document (registered with {@code mp.openapi.filter}):
 * <ul>
 *     <li>every operation lists the problems it can answer ({@link Problem}, {@code application/problem+json}):
 *     400, 401, 403, 404 for all, 409, 412 and 413 for changes, 428 for updates — said once here
 *     rather than on every resource;</li>
 *     <li>Payara adds a top-level {@code endpoints} map of its own, which OpenAPI 3.0 does not
 *     allow (validators reject the document): it is emptied, and then not written.</li>
 * </ul>
 */
public class ApiDocumentFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ApiDocumentFilter.class.getName());

    private static final Map<String, String> EVERY_CALL = ordered(
            "400", "Invalid request: parameters, JSON, unknown fields, content, marking and scope",
            "401", "No valid bearer token",
            "403", "The caller's roles or agency do not allow it",
            "404", "No such item, or one the caller may not read or change");
    private static final Map<String, String> CHANGES = ordered(
            "409", "Not possible in the item's state",
            "412", "The item changed since the caller read it (If-Match)",
            "413", "The body is over the limit");
    private static final Map<String, String> UPDATES = ordered("428", "If-Match missing");

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            document.getPaths().getPathItems().values().forEach(ApiDocumentFilter::addProblems);
        }
        try {
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, new HashMap<String, Set<String>>());
        } catch (ReflectiveOperationException e) {
            LOG.fine(() -> "no Payara endpoints map to remove: " + e);
        }
    }

    private static void addProblems(PathItem path) {
        path.getOperations().forEach((method, operation) -> {
            add(operation, EVERY_CALL);
            if (method != PathItem.HttpMethod.GET) {
                add(operation, CHANGES);
            }
            if (method == PathItem.HttpMethod.PUT) {
                add(operation, UPDATES);
            }
        });
    }

    private static void add(Operation operation, Map<String, String> problems) {
        APIResponses responses = operation.getResponses() != null ? operation.getResponses() : OASFactory.createAPIResponses();
        problems.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
            }
        });
        operation.setResponses(responses);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
