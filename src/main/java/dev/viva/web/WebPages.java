package dev.viva.web;

import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.error.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

/**
 * The pages of the browser client (sources under {@code web-client/}, copied into the static resources by the
 * build). Static files serve themselves; this resource only adds the routes that are not files: the join link
 * {@code /interview/{id}} opens the candidate's room (the page reads the id from its path and the token from the
 * fragment, which never reaches the server), a mangled join link gets the room's explanation, and {@code /} (and
 * {@code /console}) lead to the recruiter console.
 * They are pages for people, not API, so the OpenAPI document leaves them out.
 */
@Path("/")
public class WebPages {

    static final String ROOM = "META-INF/resources/candidate/room.html";

    @GET
    @Operation(hidden = true)
    public Response home() {
        return console();
    }

    /** The console's relative links need the trailing slash. */
    @GET
    @Operation(hidden = true)
    @Path("/console")
    public Response console() {
        return Response.seeOther(URI.create("/console/")).build();
    }

    @GET
    @Operation(hidden = true)
    @Path("/interview/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
    @Produces(MediaType.TEXT_HTML)
    public Response room(@PathParam("id") UUID id) {
        // one page for every interview: whether this one exists, and whether the token opens it, is the API's call
        return Response.ok(roomPage()).header("Cache-Control", "no-cache").build();
    }

    /**
     * A join link that is not one: cut short by a mail program, mistyped, or with something glued to it. A browser
     * gets the room page, which explains what happened and whom to ask for a new link (status 404, so nothing
     * mistakes it for a working link); an API client gets the usual problem.
     */
    @GET
    @Operation(hidden = true)
    @Path("/interview{rest:(/.*)?}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response brokenJoinLink(@PathParam("rest") String rest, @Context HttpHeaders headers) {
        boolean browser = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
        if (!browser) {
            throw ApiProblem.notFound("no interview at /interview" + rest + ": a join link is /interview/{id}#token=...");
        }
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE).entity(roomPage())
                .header("Cache-Control", "no-cache").build();
    }

    private static byte[] roomPage() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOM)) {
            if (in == null) {
                throw new IllegalStateException(ROOM + " is missing: the build copies web-client/src into the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
