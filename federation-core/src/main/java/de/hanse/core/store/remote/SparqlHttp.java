package de.hanse.core.store.remote;

import de.hanse.core.auth.ClientCredentialsTokens;
import de.hanse.core.auth.PeerAuthDecorator;
import de.hanse.core.config.PeerConfig;
import de.hanse.core.config.StoreConfig;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * SPARQL 1.1 Query and Update over HTTP to the remote store, on its own {@link OutboundHttp} (closed with it).
 * Every request has the store's deadline ({@code store.timeout}); answers are read into memory up to
 * {@value #MAX_ANSWER_BYTES} bytes. Credentials come from {@code store.auth} through the same decorator peers use.
 * Thread-safe.
 */
public final class SparqlHttp implements AutoCloseable {
    /** Largest query answer read; the sync asks in batches, so an answer is far below this. */
    static final long MAX_ANSWER_BYTES = 256L * 1024 * 1024;

    /** The remote store did not answer, answered with an error, or answered too much. */
    public static final class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final StoreConfig config;
    private final OutboundHttp http;
    private final PeerConfig identity;

    public SparqlHttp(StoreConfig config) {
        this.config = config;
        this.http = new OutboundHttp(4);
        // the store is called like a peer named "store", so client credentials work exactly as for peers
        this.identity = new PeerConfig("store", config.query(), null, null, "sparql", config.timeout(), 4, config.auth());
        http.addDecorator(new PeerAuthDecorator(new ClientCredentialsTokens(http, System::getenv)));
    }

    public StoreConfig config() {
        return config;
    }

    /** Runs a SELECT and returns its rows. */
    public List<Binding> select(String query) {
        byte[] body = post(config.query(), "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "application/sparql-results+json", MAX_ANSWER_BYTES);
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
        List<Binding> rows = new ArrayList<>();
        while (rs.hasNext()) rows.add(rs.nextBinding());
        return rows;
    }

    /** Runs one SPARQL Update request (one transaction in Fuseki). */
    public void update(String update) {
        post(config.update(), "application/sparql-update", update, "*/*", 1024 * 1024);
    }

    private byte[] post(String url, String contentType, String body, String accept, long maxBytes) {
        CallContext call = CallContext.forUrl(config.timeout()).forPeer(identity);
        try {
            HttpRequest req = http.request(URI.create(url), call).header("Content-Type", contentType).header("Accept", accept)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<byte[]> resp = http.send(req, OutboundHttp.boundedBytes(maxBytes));
            if (resp.statusCode() / 100 != 2) {
                String text = new String(resp.body(), 0, Math.min(resp.body().length, 300), StandardCharsets.UTF_8).strip();
                throw new StoreUnavailableException("remote store " + url + " answered " + resp.statusCode() + (text.isEmpty() ? "" : ": " + text), null);
            }
            return resp.body();
        } catch (IOException e) {
            throw new StoreUnavailableException("remote store " + url + " unreachable: " + describe(e), e);
        } catch (OutboundHttp.BodyTooLargeException | java.io.UncheckedIOException e) {
            throw new StoreUnavailableException("remote store " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while calling the remote store " + url, e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e instanceof java.net.http.HttpTimeoutException ? "no answer within the deadline"
                : e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    @Override
    public void close() {
        http.close();
    }
}
