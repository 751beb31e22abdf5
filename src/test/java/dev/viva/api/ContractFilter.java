package dev.viva.api;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.util.List;

/**
 * Validates every response a test receives through rest-assured against the OpenAPI document
 * ({@link ContractValidator}), failing the test on the first mismatch: so schema and behaviour cannot drift apart.
 */
public final class ContractFilter implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext ctx) {
        Response r = ctx.next(request, response);
        String path = URI.create(request.getURI()).getRawPath();
        List<String> problems = ContractValidator.get().check(request.getMethod(), path, r.statusCode(),
                r.contentType(), r.asString());
        if (!problems.isEmpty()) {
            throw new AssertionError("the response does not match the OpenAPI document (src/main/openapi/openapi.json):\n  "
                    + String.join("\n  ", problems) + "\nbody: " + abbreviate(r.asString()));
        }
        return r;
    }

    private static String abbreviate(String body) {
        return body.length() > 2_000 ? body.substring(0, 2_000) + "..." : body;
    }
}
