package dev.viva.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;

/**
 * Limits checked before any endpoint sees a request, answered as problem+json like every other 4xx: a URI longer
 * than {@code viva.http.max-uri-length} (414), a declared body larger than {@code quarkus.http.limits.max-body-size}
 * (413), and a control character in the path or a query parameter (400; see {@link TextRules}). A request line
 * longer than {@code quarkus.http.limits.max-initial-line-length} never reaches the application: the HTTP decoder
 * answers it with a bare 414.
 */
@ApplicationScoped
public class RequestLimits {

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final int maxUriLength;

    public RequestLimits(ObjectMapper json,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
                         @ConfigProperty(name = "viva.http.max-uri-length", defaultValue = "8192") int maxUriLength) {
        this.json = json;
        this.maxBodyBytes = maxBody.asLongValue();
        this.maxUriLength = maxUriLength;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
        // a body larger than the limit without a Content-Length (chunked) is cut off by Quarkus with a bare 413
        router.route().order(Integer.MIN_VALUE + 10).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx, -1);
            } else {
                ctx.next();
            }
        });
    }

    private void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.length() > maxUriLength) {
            respond(ctx, 414, "URI Too Long", "the request URI is " + uri.length() + " characters long; at most "
                    + maxUriLength + " are accepted (send long values in a JSON body instead)", null);
            return;
        }
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                long length = Long.parseLong(declared.strip());
                if (length > maxBodyBytes) {
                    tooLarge(ctx, length);
                    return;
                }
            } catch (NumberFormatException e) {
                respond(ctx, 400, "Bad Request", "the Content-Length header is not a number", null);
                return;
            }
        }
        var path = TextRules.controlCharacterProblem(ctx.normalizedPath());
        if (path.isPresent()) {
            respond(ctx, 400, "Invalid request", "the path " + path.get(), null);
            return;
        }
        try {
            for (Map.Entry<String, String> param : ctx.queryParams()) {
                var problem = TextRules.controlCharacterProblem(param.getKey())
                        .or(() -> TextRules.controlCharacterProblem(param.getValue()));
                if (problem.isPresent()) {
                    String field = TextRules.firstControl(param.getKey()) < 0 ? param.getKey() : "?";
                    respond(ctx, 400, "Invalid request", "query parameter '" + field + "' " + problem.get(),
                            List.of(new Problem.FieldError(field, problem.get())));
                    return;
                }
            }
        } catch (RuntimeException malformed) {
            respond(ctx, 400, "Invalid request", "the query string is not valid percent-encoding", null);
            return;
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx, long length) {
        respond(ctx, 413, "Content Too Large", (length < 0 ? "the request body is" : "the request body is " + length
                + " bytes,") + " larger than the limit of " + maxBodyBytes + " bytes", null);
    }

    private void respond(RoutingContext ctx, int status, String title, String detail,
                         List<Problem.FieldError> errors) {
        String instance = ctx.normalizedPath();
        if (TextRules.firstControl(instance) >= 0 || instance.length() > 512) {
            instance = null;
        }
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", title, status, detail, instance, errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status == 413) {
            response.putHeader(HttpHeaders.CONNECTION, "close"); // the body that follows is not read
        }
        response.end(body);
    }
}
