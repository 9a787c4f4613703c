package de.hanse.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exception mappers that turn every failure into a problem document: client mistakes get their 4xx with a message,
 * and an unexpected exception becomes a 500 whose body carries no stack trace (it goes to the log with an id).
 * Under {@code /ngsi-ld/} the NGSI-LD error types are used.
 */
public final class ProblemMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {}

    public static Set<Class<?>> all() {
        return Set.of(ProblemExceptionMapper.class, WebAppMapper.class, JsonMapper.class, AnyMapper.class);
    }

    public static Response response(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    static boolean ngsi(UriInfo uri) {
        return uri != null && uri.getPath() != null && uri.getPath().startsWith("ngsi-ld/");
    }

    public static final class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            Problem p = e.problem();
            Response.ResponseBuilder b = Response.status(p.status()).entity(p)
                    .type(p.type().startsWith(Problem.NGSI_LD_TYPES) ? "application/json" : Problem.MEDIA_TYPE);
            if (p.extensions().get("wwwAuthenticate") instanceof String challenge) b.header("WWW-Authenticate", challenge);
            return b.build();
        }
    }

    public static final class WebAppMapper implements ExceptionMapper<WebApplicationException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            boolean ngsi = ngsi(uri);
            String name;
            if (e instanceof NotFoundException) name = ngsi ? "ResourceNotFound" : "not-found";
            else if (e instanceof NotAllowedException) name = ngsi ? "OperationNotSupported" : "method-not-allowed";
            else if (e instanceof NotAcceptableException) name = ngsi ? "InvalidRequest" : "not-acceptable";
            else if (e instanceof NotSupportedException) name = ngsi ? "InvalidRequest" : "unsupported-media-type";
            else name = ngsi ? (status >= 500 ? "InternalError" : "BadRequestData") : "http-" + status;
            String detail = e.getMessage();
            if (status >= 500) {
                LOG.error("request failed", e);
                detail = "internal error";
            }
            Problem p = ngsi ? Problem.ngsiLd(status, name, detail)
                    : Problem.of(status, name, Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error", detail);
            Response.ResponseBuilder b = Response.status(status).type(ngsi ? "application/json" : Problem.MEDIA_TYPE).entity(p);
            if (e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null)
                b.header("Allow", e.getResponse().getHeaderString("Allow"));
            return b.build();
        }
    }

    public static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException e) {
            String detail = "invalid JSON: " + e.getOriginalMessage();
            Problem p = ngsi(uri) ? Problem.ngsiLd(400, "InvalidRequest", detail) : Problem.of(400, "invalid-json", "Invalid JSON", detail);
            return Response.status(400).type(ngsi(uri) ? "application/json" : Problem.MEDIA_TYPE).entity(p).build();
        }
    }

    public static final class AnyMapper implements ExceptionMapper<Throwable> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            String id = java.util.UUID.randomUUID().toString();
            LOG.error("unexpected error {}", id, e);
            Problem p = ngsi(uri) ? Problem.ngsiLd(500, "InternalError", "internal error " + id)
                    : Problem.of(500, "internal-error", "Internal error", "internal error " + id);
            return Response.status(500).type(ngsi(uri) ? "application/json" : Problem.MEDIA_TYPE).entity(p).build();
        }
    }
}
