package dev.viva.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/** Turns every error a REST endpoint can raise into {@code application/problem+json}, with a detail a person can act on. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e) {
        List<Problem.FieldError> errors = e.field() == null ? null : List.of(new Problem.FieldError(e.field(), e.getMessage()));
        return respond(e.status(), e.title(), e.getMessage(), errors);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
        return respond(400, "Invalid request", detail, errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException jme ? JsonPaths.of(jme) : null;
        String detail;
        if (e.getCause() instanceof IllegalArgumentException iae && field != null) {
            detail = "field '" + field + "': " + iae.getMessage();
        } else if (e instanceof InvalidFormatException ife) {
            detail = "field '" + field + "' has an invalid value '" + ife.getValue() + "'";
        } else if (e instanceof MismatchedInputException && field != null && !field.isEmpty()) {
            detail = "field '" + field + "' has the wrong type";
        } else {
            detail = "the request body is not valid JSON: " + e.getOriginalMessage();
        }
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? null : List.of(new Problem.FieldError(field, detail));
        return respond(400, "Invalid request", detail, errors);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // the JSON reader reports unreadable bodies as a bare 400 with the Jackson error as its cause
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return unreadableJson(jpe);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "no resource at " + (uriInfo == null ? "this path" : uriInfo.getPath());
            case 405 -> "this method is not allowed on " + (uriInfo == null ? "this path" : uriInfo.getPath());
            case 415 -> "unsupported content type; send application/json";
            case 406 -> "cannot produce the requested media type";
            default -> e.getMessage();
        };
        return respond(status, title, detail, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unhandled error", e);
        return respond(500, "Internal error", "an unexpected error occurred; it has been logged", null);
    }

    private Response respond(int status, String title, String detail, List<Problem.FieldError> errors) {
        String instance = uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
        Problem body = new Problem("about:blank", title, status, detail, instance, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // "create.request.candidateEmail" -> "candidateEmail": clients know their JSON fields, not our method names
        String path = v.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
