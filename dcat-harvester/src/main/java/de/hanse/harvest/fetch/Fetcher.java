package de.hanse.harvest.fetch;

import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import de.hanse.harvest.ConditionalCache;
import de.hanse.harvest.HarvestException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches one document from an http(s) URL or a local file, never more than {@code maxBytes}, within the run's
 * deadline and at most {@code perRequest} per request, with conditional GET when validators are known. Only
 * http, https and (for one-off CLI use and configured file sources) file locations are accepted.
 * Thread-safe.
 */
public final class Fetcher {
    private final OutboundHttp http;
    private final long maxBytes;
    private final Duration perRequest;

    public Fetcher(OutboundHttp http, long maxBytes, Duration perRequest) {
        this.http = http;
        this.maxBytes = maxBytes;
        this.perRequest = perRequest;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** GET with {@code accept}; {@code cached} may be null. */
    public Fetched get(String location, String accept, ConditionalCache.Validators cached, CallContext call) throws HarvestException {
        URI uri = toUri(location);
        if ("file".equals(uri.getScheme())) return readFile(Path.of(uri));
        return getHttp(uri, accept, cached, call, null, null);
    }

    /** POST a body (SPARQL, CSW) and read the answer under the same caps. */
    public Fetched post(String location, String accept, String contentType, String body, CallContext call) throws HarvestException {
        return getHttp(toUri(location), accept, null, call, contentType, body);
    }

    public static URI toUri(String location) throws HarvestException {
        try {
            URI uri = new URI(location);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null || scheme.length() == 1 /* windows drive */) return Path.of(location).toAbsolutePath().toUri();
            if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file")) return uri;
            throw new HarvestException("refusing '" + location + "': only http(s) URLs and files can be harvested");
        } catch (java.net.URISyntaxException e) {
            Path p = Path.of(location);
            if (Files.exists(p)) return p.toAbsolutePath().toUri();
            throw new HarvestException("'" + location + "' is neither a URL nor a file: " + e.getReason());
        }
    }

    private Fetched readFile(Path p) throws HarvestException {
        try {
            if (!Files.isRegularFile(p)) throw new HarvestException("file not found: " + p);
            long size = Files.size(p);
            if (size > maxBytes) throw new HarvestException(p + " is " + size + " bytes, over the page cap of " + maxBytes);
            return new Fetched(p.toUri().toString(), 200, null, Files.readAllBytes(p), null, null);
        } catch (IOException e) {
            throw new HarvestException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private Fetched getHttp(URI uri, String accept, ConditionalCache.Validators cached, CallContext call,
                            String contentType, String body) throws HarvestException {
        try {
            CallContext bounded = call.withDeadline(java.time.Instant.now().plus(call.remainingAtMost(perRequest)));
            HttpRequest.Builder b = http.request(uri, bounded).header("Accept", accept);
            if (body != null) b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
            else b.GET();
            if (cached != null && cached.etag() != null) b.header("If-None-Match", cached.etag());
            if (cached != null && cached.lastModified() != null) b.header("If-Modified-Since", cached.lastModified());
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream(), bounded);
            int status = r.statusCode();
            if (status == 304) {
                r.body().close();
                return new Fetched(r.uri().toString(), 304, null, new byte[0], cached.etag(), cached.lastModified());
            }
            if (status < 200 || status > 299) {
                r.body().close();
                throw new HarvestException("HTTP " + status + " from " + uri);
            }
            long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                r.body().close();
                throw new HarvestException(uri + " declares " + declared + " bytes, over the page cap of " + maxBytes);
            }
            byte[] bytes;
            try {
                bytes = OutboundHttp.readBounded(r.body(), maxBytes);
            } catch (OutboundHttp.BodyTooLargeException e) {
                throw new HarvestException(uri + " is larger than the page cap of " + maxBytes + " bytes");
            } catch (java.io.UncheckedIOException e) {
                throw new HarvestException("reading " + uri + " failed: " + e.getCause().getMessage(), e);
            }
            String ct = r.headers().firstValue("Content-Type").map(v -> v.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse(null);
            return new Fetched(r.uri().toString(), status, ct, bytes,
                    r.headers().firstValue("ETag").orElse(null), r.headers().firstValue("Last-Modified").orElse(null));
        } catch (java.net.http.HttpTimeoutException e) {
            throw new HarvestException("timed out fetching " + uri + " (" + e.getMessage() + ")", e);
        } catch (java.net.ConnectException e) {
            throw new HarvestException("cannot connect to " + uri + ": connection refused or unreachable", e);
        } catch (IOException e) {
            throw new HarvestException("fetching " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException("interrupted while fetching " + uri, e);
        }
    }
}
