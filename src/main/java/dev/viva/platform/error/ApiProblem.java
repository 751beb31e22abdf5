package dev.viva.platform.error;

/**
 * An error answered to the client as {@code application/problem+json} (RFC 9457). Throw it from anywhere below a
 * REST endpoint; {@link ProblemMapper} renders it.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final String type;

    public ApiProblem(int status, String title, String detail, String field) {
        this(status, title, detail, field, "about:blank");
    }

    /** A problem with its own {@code type} URI, for clients that must tell it apart from others of its status. */
    public ApiProblem(int status, String title, String detail, String field, String type) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.type = type;
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(400, "Invalid request", detail, field);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, null);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Service unavailable", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI; {@code about:blank} when the status says it all. */
    public String type() {
        return type;
    }

    /** The request field at fault, for validation errors; null otherwise. */
    public String field() {
        return field;
    }
}
