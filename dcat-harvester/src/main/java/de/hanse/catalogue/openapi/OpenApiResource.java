package de.hanse.catalogue.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the node's OpenAPI 3 document, read once from the class path. */
@Path("/openapi.json")
public final class OpenApiResource {
    static final String LOCATION = "/de/hanse/catalogue/openapi/openapi.json";
    private final byte[] document;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(LOCATION)) {
            if (in == null) throw new IllegalStateException("missing " + LOCATION);
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Response.ok(document).header("Cache-Control", "max-age=3600").build();
    }
}
