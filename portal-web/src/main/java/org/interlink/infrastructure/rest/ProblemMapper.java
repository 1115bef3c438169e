package org.interlink.infrastructure.rest;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.interlink.BusinessException;
import org.interlink.admin.boundary.InvalidAdminRequest;
import org.interlink.agency.entity.AgencyAlreadyRegistered;
import org.interlink.agency.entity.InvalidAgencyCode;
import org.interlink.agreement.entity.AgreementNotFound;
import org.interlink.agreement.entity.AgreementRefused;
import org.interlink.agreement.entity.InvalidAgreement;
import org.interlink.audit.control.AuditUnavailable;
import org.interlink.caller.entity.NotAMemberOfAgency;
import org.interlink.consent.entity.ConsentNotFound;
import org.interlink.consent.entity.ConsentRefused;
import org.interlink.infrastructure.keycloak.KeycloakUnavailable;
import org.interlink.infrastructure.persistence.DatabaseOutage;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.NotAllowed;
import org.interlink.item.entity.PurposeNotAllowed;
import org.interlink.item.entity.StaleItem;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.workflow.entity.FourEyesViolation;
import org.interlink.workflow.entity.IllegalTransition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure of an API call into an {@code application/problem+json} answer. Each
 * business exception has its own stable type and status (the table below: a renamed class keeps its
 * type); anything unexpected is a 500 that says nothing about the inside and is logged. A refused
 * call changed nothing: business exceptions roll the transaction back.
 *
 * <p>Jersey brings mappers of its own for some types (an EJB's exception is unwrapped and its cause
 * mapped again; bean validation has a mapper with an empty body): {@link ValidationProblems} takes
 * those over.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final String DATABASE_UNAVAILABLE = "database-unavailable";

    /** The business exceptions: problem slug, title, status. Most specific first. */
    private static final Map<Class<? extends BusinessException>, Kind> BUSINESS = Map.ofEntries(
            Map.entry(ItemNotFound.class, new Kind("not-found", "Not found", 404)),
            Map.entry(PurposeNotAllowed.class, new Kind("purpose-not-allowed", "Not a purpose the agreement allows", 400)),
            Map.entry(ConsentNotFound.class, new Kind("not-found", "Not found", 404)),
            Map.entry(ConsentRefused.class, new Kind("consent-refused", "The request for consent cannot be made or decided as asked", 409)),
            Map.entry(AgreementNotFound.class, new Kind("not-found", "Not found", 404)),
            Map.entry(AgreementRefused.class, new Kind("agreement-refused", "Not possible in the agreement's state", 409)),
            Map.entry(InvalidAgreement.class, new Kind("invalid-agreement", "The agreement cannot be registered as asked", 400)),
            Map.entry(StaleItem.class, new Kind("stale-item", "The item changed since you read it", 412)),
            Map.entry(FourEyesViolation.class, new Kind("four-eyes", "Four eyes: nobody vets their own item", 403)),
            Map.entry(NotAllowed.class, new Kind("not-allowed", "Not allowed", 403)),
            Map.entry(NotAMemberOfAgency.class, new Kind("not-a-member", "Not a member of that agency", 403)),
            Map.entry(IllegalTransition.class, new Kind("illegal-transition", "Not possible in the item's state", 409)),
            Map.entry(IllegalSharing.class, new Kind("illegal-sharing", "Marking and sharing do not fit together", 400)),
            Map.entry(InvalidContent.class, new Kind("invalid-content", "Invalid content", 400)),
            Map.entry(InvalidAgencyCode.class, new Kind("invalid-agency-code", "Invalid agency code", 400)),
            Map.entry(AgencyAlreadyRegistered.class, new Kind("agency-exists", "The agency exists already", 409)),
            Map.entry(InvalidAdminRequest.class, new Kind("invalid-request", "The request cannot be carried out as asked", 400)),
            Map.entry(KeycloakUnavailable.class, new Kind("keycloak-unavailable", "Keycloak cannot be reached", 503)));

    private static final Kind OTHER_BUSINESS = new Kind("refused", "Refused", 400);

    @Override
    public Response toResponse(Throwable thrown) {
        return response(thrown);
    }

    static Response response(Throwable thrown) {
        Problem problem = problemFor(thrown);
        if (problem.type().endsWith(":" + DATABASE_UNAVAILABLE)) {
            LOG.log(Level.WARNING, "API call refused: the database is unreachable", thrown);
        } else if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "API call failed", thrown);
        }
        Response.ResponseBuilder response = Response.status(problem.status(), reason(problem.status()))
                .type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            response.header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        if (thrown instanceof WebApplicationException web) {
            // keep what JAX-RS said about the request (e.g. Allow on a 405)
            web.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> response.header(name, value));
                }
            });
        }
        return response.build();
    }

    static Problem problemFor(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        for (Throwable cause : chain) {
            if (cause instanceof ApiRefusal refusal) {
                return refusal.problem();
            }
        }
        if (DatabaseOutage.among(thrown)) {
            // before the audit trail's own failure: an audit event that could not be written for want of the database
            return Problem.of(DATABASE_UNAVAILABLE, "The database is unavailable", 503, DatabaseOutage.DETAIL);
        }
        if (DatabaseOutage.storageFull(thrown)) {
            return Problem.of("storage-full", "The database has no room left", 503,
                    "The database could not store this: its disk is full. Nothing was saved; try again once an administrator has freed space.");
        }
        for (Throwable cause : chain) {
            if (cause instanceof BusinessException business) {
                Kind kind = kindOf(business);
                return Problem.of(kind.slug(), kind.title(), kind.status(), business.getMessage());
            }
            if (cause instanceof ConstraintViolationException invalid) {
                return new Problem(Problem.TYPE_PREFIX + "invalid-content", "Invalid content", 400,
                        "The request body has invalid fields; see violations.", violations(invalid));
            }
            if (cause instanceof OptimisticLockException || DatabaseOutage.concurrentChange(cause)) {
                // another request changed the same item between this one's read and its write (If-Match mismatches are 412),
                // or the database found the two at once (a deadlock, a lock wait given up)
                return Problem.of("conflict", "Someone else changed the item just now", 409,
                        "Someone changed the item at the same time; nothing of yours was saved. Read it again and re-apply your change.");
            }
            if (cause instanceof AuditUnavailable) {
                return Problem.of("audit-unavailable", "The audit trail is unavailable", 503,
                        "The access could not be recorded, so it was not served. Try again later.");
            }
            if (cause instanceof NoContentException) {
                return Problem.of("invalid-json", "The body is not what this endpoint reads", 400,
                        "The request has no body: send it as JSON (Content-Type: application/json).");
            }
            if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
                return Problem.of("invalid-json", "The body is not what this endpoint reads", 400,
                        "The request body could not be read: " + innermostMessage(cause));
            }
        }
        if (thrown instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                Response.StatusType type = web.getResponse().getStatusInfo();
                return Problem.of("http-" + status, type.getReasonPhrase(), status, web.getMessage());
            }
        }
        return Problem.of("internal", "Internal error", 500, "The portal could not answer; the error is logged.");
    }

    /** The status line's reason (JAX-RS knows no reason for 428). */
    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 428 ? "Precondition Required" : "Error";
    }

    private static Kind kindOf(BusinessException business) {
        for (Class<?> type = business.getClass(); BusinessException.class.isAssignableFrom(type); type = type.getSuperclass()) {
            Kind kind = BUSINESS.get(type);
            if (kind != null) {
                return kind;
            }
        }
        return OTHER_BUSINESS;
    }

    private static List<Problem.Violation> violations(ConstraintViolationException invalid) {
        return invalid.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
    }

    /**
     * The property path without the method and parameter part (e.g. {@code draft.form.title} →
     * {@code title}); the form itself is the request {@code body}.
     */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        if (path.endsWith(".form")) {
            return "body";
        }
        int form = path.indexOf(".form.");
        if (form >= 0) {
            return path.substring(form + ".form.".length());
        }
        int body = path.indexOf(".arg");
        return body >= 0 && path.indexOf('.', body + 1) > 0 ? path.substring(path.indexOf('.', body + 1) + 1) : path;
    }

    private static String innermostMessage(Throwable thrown) {
        Throwable innermost = thrown;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost.getMessage() == null ? thrown.getMessage() : innermost.getMessage();
    }

    private record Kind(String slug, String title, int status) {
    }
}
