package de.hanse.core.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). NGSI-LD ProblemDetails have the same shape with
 * ETSI type URIs (see {@link #ngsiLd}).
 *
 * @param type       a URI naming the problem type
 * @param title      short human-readable summary of the type
 * @param status     HTTP status
 * @param detail     explanation of this occurrence: what was wrong and, where known, which parameter
 * @param extensions extra members (e.g. {@code parameter}, {@code peer})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String HANSE_TYPES = "https://w3id.org/hanse/problems/";
    public static final String NGSI_LD_TYPES = "https://uri.etsi.org/ngsi-ld/errors/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> any() {
        return extensions;
    }

    public static Problem of(int status, String typeName, String title, String detail) {
        return new Problem(HANSE_TYPES + typeName, title, status, detail, null);
    }

    /** 400 naming the offending request parameter. */
    public static Problem badParameter(String parameter, String detail) {
        return new Problem(HANSE_TYPES + "bad-parameter", "Invalid request parameter", 400, detail,
                Map.of("parameter", parameter));
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    /** An NGSI-LD ProblemDetails, e.g. {@code ngsiLd(400, "BadRequestData", "...")}. */
    public static Problem ngsiLd(int status, String errorName, String detail) {
        return new Problem(NGSI_LD_TYPES + errorName, errorName, status, detail, null);
    }

    public Problem with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(extensions);
        m.put(key, value);
        return new Problem(type, title, status, detail, m);
    }

    public ProblemException toException() {
        return new ProblemException(this);
    }
}
