package org.interlink.infrastructure.rest;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Invalid bodies (bean validation of the boundaries' forms) as problems with the invalid fields,
 * instead of Jersey's own mapper, which answers 400 with no body.
 */
@Provider
public class ValidationProblems implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException invalid) {
        return ProblemMapper.response(invalid);
    }
}
