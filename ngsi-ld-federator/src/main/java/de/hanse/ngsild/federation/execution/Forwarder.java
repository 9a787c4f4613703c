package de.hanse.ngsild.federation.execution;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import de.hanse.ngsild.federation.selection.ForwardTarget;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.registry.Registration;
import de.hanse.ngsild.registry.RegistrationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sends the planned requests of one distributed operation in parallel, at most {@code maxConcurrency} in flight,
 * all under the one deadline of {@link ForwardRequest#call()} (each further capped by its registration's
 * {@code management.timeout}). Adds {@code Via}, the tenant, the requester's {@code Link} and the registration's
 * {@code contextSourceInfo} headers. A source that fails never fails the operation: it yields a {@link Warning}.
 * Follows a source's pages (by {@code NGSILD-Results-Count}) up to {@link #MAX_PAGES}. A registration with
 * {@code management.cacheDuration} has its complete, warning-free answers reused for that long ({@link AnswerCache}).
 * Each call is tagged with the registration id and {@link #operation} for the per-peer metrics.
 *
 * <p>Thread-safe; one instance per node.
 */
public final class Forwarder implements MeterBinder, AutoCloseable {
    public static final int MAX_PAGES = 10;
    private static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final String RELAY = "urn:ngsi-ld:request";

    private final OutboundHttp http;
    private final RegistrationStore registrations;
    private final int maxConcurrency;
    private final AnswerCache cache = new AnswerCache();
    /**
     * Fetches under way of sources with {@code cacheDuration}, by cache key: concurrent queries that miss the cache
     * for the same answer wait for the one fetch (with their own deadline) instead of each asking the source, so a
     * burst of identical queries costs a peer one request when the cached answer expires.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, CompletableFuture<Object>> inflight = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong coalesced = new java.util.concurrent.atomic.AtomicLong();

    public Forwarder(OutboundHttp http, RegistrationStore registrations, int maxConcurrency) {
        this.http = http;
        this.registrations = registrations;
        this.maxConcurrency = maxConcurrency;
        this.senders = new java.util.concurrent.ThreadPoolExecutor(0, MAX_SENDERS, 30, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "hanse-ngsild-forward");
            t.setDaemon(true);
            return t;
        }, new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Threads that send one forwarded request each, blocking (at most {@value #MAX_SENDERS}; when all are busy the
     * request's own thread sends), the last source of a query from the request's own thread. Each writes its request
     * and reads the answer itself ({@link OutboundHttp#exchange}): no hand-off to an HTTP client's selector and
     * executor threads, which cost the state about 2 ms of CPU per query over 8 peers (docs/benchmarks.md).
     */
    private static final int MAX_SENDERS = 64;
    private final java.util.concurrent.ExecutorService senders;

    /** Stops the sender threads (requests in flight end at their deadline). */
    @Override
    public void close() {
        senders.shutdownNow();
    }

    /** Registers the answer cache ({@code cache="ngsild-answers"}) and {@code hanse_ngsild_forward_coalesced_total}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        cache.bindTo(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("hanse.ngsild.forward.coalesced", coalesced, java.util.concurrent.atomic.AtomicLong::get)
                .description("forwarded requests not sent because a concurrent query was already fetching the same cached answer")
                .register(registry);
    }

    /**
     * @param validate returns an error text for a payload that must not be merged, or null if it is fine
     */
    public ForwardResult forward(List<ForwardTarget> targets, ForwardRequest req, Function<JsonNode, String> validate) {
        return forward(targets, req, validate, a -> { });
    }

    /**
     * As above; {@code prepare} runs on each answer as soon as it has arrived, on the thread that received it, while
     * other sources are still answering (e.g. to expand its entities in parallel). It must be thread-safe; what it
     * throws is ignored here (the caller meets the same problem again when it uses the answer).
     */
    public ForwardResult forward(List<ForwardTarget> targets, ForwardRequest req, Function<JsonNode, String> validate,
                                 java.util.function.Consumer<SourceAnswer> prepare) {
        if (targets.isEmpty()) return ForwardResult.EMPTY;
        int n = targets.size();
        List<CompletableFuture<Object>> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) results.add(new CompletableFuture<>());
        // answers in the cache are taken here, on the request's thread; only the others are sent
        List<Integer> pending = new ArrayList<>(n);
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = cacheKey(targets.get(i), req);
            SourceAnswer hit = keys[i] == null ? null : cache.get(keys[i]);
            if (hit == null && keys[i] != null) {
                // another query is fetching this very answer right now: wait for it instead of asking the source again
                CompletableFuture<Object> leader = inflight.putIfAbsent(keys[i], results.get(i));
                if (leader != null) {
                    results.set(i, leader);
                    coalesced.incrementAndGet();
                    continue;
                }
                hit = cache.peek(keys[i]);   // it may have arrived between the two looks
                if (hit != null) inflight.remove(keys[i], results.get(i));
            }
            if (hit == null) {
                pending.add(i);
                continue;
            }
            prepare(prepare, hit);
            results.get(i).complete(hit);
        }
        AtomicInteger next = new AtomicInteger();
        // one target: fetch it, then take the next unclaimed one (at most maxConcurrency chains in parallel)
        Runnable chain = () -> {
            int p;
            while ((p = next.getAndIncrement()) < pending.size()) {
                int i = pending.get(p);
                ForwardTarget t = targets.get(i);
                Object answer;
                try {
                    answer = fetch(t, req, validate, keys[i]);
                } catch (RuntimeException e) {
                    answer = warning(t.registration(), e);
                } finally {
                    // whatever happened, queries waiting for this fetch must not wait for it again
                    if (keys[i] != null) inflight.remove(keys[i], results.get(i));
                }
                results.get(i).complete(answer);
                if (answer instanceof SourceAnswer a) prepare(prepare, a);
            }
        };
        int chains = Math.min(pending.size(), maxConcurrency);
        try {
            for (int k = 1; k < chains; k++) senders.execute(chain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shut down: the request's own thread sends the rest
        }
        if (!pending.isEmpty()) chain.run();
        try {
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                    .get(req.call().remaining().toMillis() + 50, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the deadline passed: whatever has not answered becomes a 199 warning below
        }
        List<SourceAnswer> answers = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Registration r = targets.get(i).registration();
            Object o = results.get(i).getNow(null);
            if (o == null) o = new Warning(199, r.agent(), "no answer within the deadline");
            if (o instanceof SourceAnswer a) answers.add(a);
            else warnings.add((Warning) o);
            registrations.record(req.tenant(), r.id(), o instanceof SourceAnswer);
        }
        return new ForwardResult(answers, warnings);
    }

    /** Runs {@code prepare} on an answer; what it throws is reported by the caller when it uses the answer. */
    private static void prepare(java.util.function.Consumer<SourceAnswer> prepare, SourceAnswer a) {
        try {
            prepare.accept(a);
        } catch (RuntimeException e) {
            // ignored here: the caller meets the same problem again when it uses the answer
        }
    }

    /**
     * The answer cache's key for a target with {@code cacheDuration} (its first request), or null: the registration,
     * endpoint, path, parameters and the headers the request carries ({@link #headers}), each length-prefixed so that
     * no two different requests share a key. Built from the parts, not from an {@link HttpRequest}: a cached query
     * computes one key per source and building the request took most of its time.
     */
    static String cacheKey(ForwardTarget t, ForwardRequest req) {
        Registration r = t.registration();
        if (r.cacheFor() == null) return null;
        StringBuilder sb = new StringBuilder(256);
        part(sb, r.id());
        part(sb, r.endpoint().toString());
        part(sb, t.path());
        t.params().forEach((k, v) -> part(part(sb, k), v));
        sb.append('|');
        headers(r, req).forEach((k, v) -> part(part(sb, k.toLowerCase(java.util.Locale.ROOT)), v));
        // credentials a decorator of OutboundHttp adds for a configured peer: answers are kept per caller then
        if (req.call().peer() != null && req.call().callerAuthorization() != null) part(sb.append('|'), req.call().callerAuthorization());
        return sb.toString();
    }

    private static StringBuilder part(StringBuilder sb, String s) {
        return sb.append(s.length()).append(':').append(s);
    }

    /**
     * Fetches one source (following its pages), blocking: a {@link SourceAnswer} or a {@link Warning}. The cache was
     * consulted by {@link #forward} already (a miss); a complete, warning-free answer is put there under
     * {@code cacheKey}, its first page's key, when the source has one.
     */
    private Object fetch(ForwardTarget t, ForwardRequest req, Function<JsonNode, String> validate, String cacheKey) {
        Registration r = t.registration();
        Map<String, String> params = t.params();
        List<JsonNode> pages = new ArrayList<>();
        int bytes = 0;
        for (int page = 0; ; page++) {
            CallContext call = req.call().tagged(r.id(), operation(t.path()));
            HttpRequest request;
            try {
                request = request(t, req, call, params);
            } catch (Exception e) {
                return warning(r, e);
            }
            OutboundHttp.Exchange resp;
            try {
                resp = http.exchange(request, MAX_BYTES, call);
            } catch (Exception e) {
                return warning(r, e);
            }
            bytes += resp.body().length;
            int status = resp.status();
            if (status == 404) return new SourceAnswer(r, pages, List.of());
            if (status >= 300) return new Warning(299, r.agent(), "source answered HTTP " + status);
            JsonNode body;
            try {
                body = Ngsi.JSON.readTree(resp.body());
            } catch (Exception e) {
                return new Warning(111, r.agent(), "invalid JSON from source, not merged");
            }
            String invalid = body == null ? "empty body" : validate.apply(body);
            if (invalid != null) return new Warning(111, r.agent(), "invalid payload from source, not merged: " + invalid);
            pages.add(body);
            if (hasMore(resp, body, params) && page + 1 < MAX_PAGES) {
                Map<String, String> nextParams = new java.util.LinkedHashMap<>(params);
                int limit = Integer.parseInt(params.get("limit"));
                nextParams.put("offset", Integer.toString(Integer.parseInt(params.getOrDefault("offset", "0")) + limit));
                params = nextParams;
                continue;
            }
            SourceAnswer answer = new SourceAnswer(r, pages, resp.headers().allValues(Warning.HEADER));
            if (cacheKey != null && answer.relayedWarnings().isEmpty()) cache.put(cacheKey, answer, r.cacheFor(), bytes);
            return answer;
        }
    }

    private static boolean hasMore(OutboundHttp.Exchange resp, JsonNode body, Map<String, String> params) {
        if (!body.isArray() || params.get("limit") == null) return false;
        long total = resp.headers().firstValueAsLong("NGSILD-Results-Count").orElse(-1);
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        return body.size() == Integer.parseInt(params.get("limit")) && total > offset + body.size();
    }

    /** The metrics operation of a forwarded request: a small fixed set, whatever the path holds. */
    static String operation(String path) {
        if (path.equals("entities")) return "ngsi-ld-query";
        if (path.startsWith("entities/")) return "ngsi-ld-retrieve";
        if (path.equals("types") || path.startsWith("types/")) return "ngsi-ld-types";
        if (path.equals("attributes") || path.startsWith("attributes/")) return "ngsi-ld-attributes";
        return "ngsi-ld-other";
    }

    private HttpRequest request(ForwardTarget t, ForwardRequest req, CallContext call, Map<String, String> params) throws Exception {
        Registration r = t.registration();
        Duration limit = r.timeout() == null ? req.call().remaining() : req.call().remainingAtMost(r.timeout());
        HttpRequest.Builder b = http.request(uri(r.endpoint(), t.path(), params), call).timeout(limit.isZero() ? Duration.ofMillis(1) : limit);
        headers(r, req).forEach(b::setHeader);
        return b.GET().build();
    }

    /**
     * The headers a forwarded request carries besides the per-call ones ({@code traceparent}, {@code User-Agent},
     * credentials added by {@link OutboundHttp}): {@code Accept}, {@code Via}, the requester's {@code Link}, the
     * tenant and the registration's {@code contextSourceInfo} headers (relayed ones from the inbound request).
     */
    private static Map<String, String> headers(Registration r, ForwardRequest req) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Accept", "application/json");
        h.put("Via", req.via().append(req.self()));
        if (req.link() != null) h.put("Link", req.link());
        String tenant = r.tenant() != null ? r.tenant() : req.tenant();
        if (tenant != null && !tenant.isEmpty()) h.put("NGSILD-Tenant", tenant);
        for (var kv : r.sourceInfo().entrySet()) {
            String key = kv.getKey();
            if (List.of("accept", "contentType", "jsonldContext", "ngsildConformance").contains(key)) continue;
            String value = RELAY.equals(kv.getValue()) ? req.inboundHeaders().get(key.toLowerCase(java.util.Locale.ROOT)) : kv.getValue();
            if (value != null && isToken(key)) {
                h.keySet().removeIf(k -> k.equalsIgnoreCase(key));
                h.put(key, value);
            }
        }
        return h;
    }

    private static boolean isToken(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)
                && !List.of("host", "via", "content-length", "connection").contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code endpoint} + {@code /ngsi-ld/v1/} + path + encoded query (the endpoint may already end in {@code /ngsi-ld/v1}). */
    static URI uri(URI endpoint, String path, Map<String, String> params) {
        String base = endpoint.toString();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        if (!base.endsWith("/ngsi-ld/v1")) base += "/ngsi-ld/v1";
        StringBuilder sb = new StringBuilder(base).append('/').append(path);
        char sep = '?';
        for (var e : params.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /**
     * The warning for a failed call: what {@link OutboundHttp#exchange} throws, or a request that could not be built
     * (a decorator's failure may carry the cause).
     */
    private static Warning warning(Registration r, Throwable err) {
        for (Throwable c = err; c != null; c = c.getCause())
            if (c instanceof OutboundHttp.BodyTooLargeException) return new Warning(111, r.agent(), "answer too large, not merged");
        for (Throwable c = err; c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException) return new Warning(199, r.agent(), "source timed out");
            if (c instanceof java.net.ConnectException) return new Warning(199, r.agent(), "source unreachable");
        }
        Throwable c = err instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : err;
        return new Warning(199, r.agent(), "source failed: " + c.getClass().getSimpleName());
    }
}
