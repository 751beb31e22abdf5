package dev.viva.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        // one message per field, the "missing" one first: a blank e-mail is not also "not well-formed"
        Map<String, ConstraintViolation<?>> firstPerField = new TreeMap<>();
        e.getConstraintViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> !isMissing(v))
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> firstPerField.putIfAbsent(fieldOf(v), v));
        List<Problem.FieldError> errors = firstPerField.entrySet().stream()
                .map(f -> new Problem.FieldError(f.getKey(), f.getValue().getMessage()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
        return respond(400, "Invalid request", detail, errors);
    }

    // Jackson's exceptions get their own mappers, each more specific than the built-in ones of quarkus-rest-jackson,
    // which answer a bare 400 with an empty body.

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException jme ? JsonPaths.of(jme) : null;
        boolean named = field != null && !field.isEmpty();
        String detail;
        if (e.getCause() instanceof IllegalArgumentException iae && named) {
            detail = "field '" + field + "': " + iae.getMessage();
        } else if (e instanceof InvalidFormatException ife && named) {
            detail = "field '" + field + "' has an invalid value '" + ife.getValue() + "'"
                    + expected(ife.getTargetType());
        } else if (e instanceof MismatchedInputException mie && named) {
            detail = "field '" + field + "' has the wrong type" + expected(mie.getTargetType());
        } else if (e instanceof MismatchedInputException) {
            detail = "the request body must be a JSON object with the fields the API documents (see /q/openapi), "
                    + "not " + (e.getOriginalMessage() != null && e.getOriginalMessage().contains("START_ARRAY")
                    ? "an array" : "a single value");
        } else {
            detail = "the request body is not valid JSON: " + e.getOriginalMessage();
        }
        List<Problem.FieldError> errors = named ? List.of(new Problem.FieldError(field, detail)) : null;
        return respond(400, "Invalid request", detail, errors);
    }

    /** ": expected a whole number" and the like, for the Java type a JSON value was read into. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        String what;
        if (type == String.class) {
            what = "a string";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            what = "a whole number";
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            what = "a number";
        } else if (type == Boolean.class || type == boolean.class) {
            what = "true or false";
        } else if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            what = "a list";
        } else if (type.isEnum()) {
            what = "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        } else if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            what = "an object";
        } else {
            return "";
        }
        return ": expected " + what;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // the JSON reader reports unreadable bodies as a bare 400 with the Jackson error as its cause
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return unreadableJson(jpe);
        }
        int status = e.getResponse().getStatus();
        NumberFormatException number = numberFormat(e);
        if (status == 404 && number != null) {
            // JAX-RS answers a query parameter that does not convert with 404, as if the resource did not exist
            String value = number.getMessage() == null ? "" : number.getMessage().replaceFirst("^For input string: ", "");
            return respond(400, "Invalid request", "a query parameter has the value " + value
                    + ", which is not a whole number in range (page, size and limit are whole numbers)", null);
        }
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

    private static NumberFormatException numberFormat(Throwable e) {
        for (Throwable t : e.getSuppressed()) {
            if (t instanceof NumberFormatException n) {
                return n;
            }
        }
        return e.getCause() instanceof NumberFormatException n ? n : null;
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (Concurrency.isLostRace(e)) {
            // two requests changed the same row at once and this one lost: nothing was changed, so it may be retried
            return respond(409, "Conflict", "the resource was changed by another request at the same moment; "
                    + "read it again and retry if the change still applies", null);
        }
        LOG.error("Unhandled error", e);
        return respond(500, "Internal error", "an unexpected error occurred; it has been logged", null);
    }

    private Response respond(int status, String title, String detail, List<Problem.FieldError> errors) {
        String instance = uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
        Problem body = new Problem("about:blank", title, status, detail, instance, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static boolean isMissing(ConstraintViolation<?> v) {
        var annotation = v.getConstraintDescriptor().getAnnotation();
        return annotation instanceof NotBlank || annotation instanceof NotNull || annotation instanceof NotEmpty;
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // "create.request.candidateEmail" -> "candidateEmail": clients know their JSON fields, not our method names
        String path = v.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
