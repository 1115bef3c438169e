package org.interlink.infrastructure.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.interlink.infrastructure.web.RequestMetrics;

import java.lang.reflect.Method;

/**
 * Names the API operation a request matched, as the API documents it ({@code GET /items/{id}}: the method and the
 * templates of the resource class and method, never the path the client sent), for {@link RequestMetrics}. First of
 * the API's filters, so that a call another filter refuses is still counted as its operation's.
 */
@Provider
@Priority(1)
public class OperationName implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method != null && type != null) {
            servletRequest.setAttribute(RequestMetrics.OPERATION, request.getMethod() + " " + template(type, method));
        }
    }

    static String template(Class<?> type, Method method) {
        return "/" + strip(type.getAnnotation(Path.class)) + (method.isAnnotationPresent(Path.class)
                ? "/" + strip(method.getAnnotation(Path.class))
                : "");
    }

    private static String strip(Path path) {
        String value = path == null ? "" : path.value();
        int from = value.startsWith("/") ? 1 : 0;
        int to = value.endsWith("/") && value.length() > from ? value.length() - 1 : value.length();
        return value.substring(from, to);
    }
}
