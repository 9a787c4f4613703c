package de.hanse.harvest.source;

import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.ConditionalCache;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.HarvestException;
import de.hanse.harvest.fetch.Fetched;
import de.hanse.harvest.fetch.RdfPageParser;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Reads a DCAT-AP document page by page, following Hydra links: {@code hydra:nextPage} of a
 * {@code hydra:PagedCollection} (as CKAN's ckanext-dcat emits) and {@code hydra:next} of a
 * {@code hydra:PartialCollectionView}. Stops with an error on a page loop (a next link to a page already read)
 * and when the page cap is exceeded, so a broken source can neither spin nor be half-harvested silently. A page
 * answered with 304, or byte-identical to the same URL's page in the last committed run, is handed on as not
 * modified without being parsed.
 */
final class HydraPageSource implements PageSource {
    private final HarvestContext ctx;
    private final int maxPages;
    private final Set<String> seen = new HashSet<>();
    private String nextUrl;
    private int number;

    HydraPageSource(String firstUrl, int maxPages, HarvestContext ctx) {
        this.nextUrl = firstUrl;
        this.maxPages = maxPages;
        this.ctx = ctx;
    }

    @Override
    public Page next() throws HarvestException {
        if (nextUrl == null) return null;
        if (ctx.call().expired()) throw new HarvestException("run time limit reached after " + number + " pages");
        String url = nextUrl;
        if (!seen.add(normalise(url)))
            throw new HarvestException("page loop: page " + number + " links back to " + url + ", which was already read");
        if (++number > maxPages)
            throw new HarvestException("source has more than " + maxPages + " pages (maxPages); refusing an incomplete harvest");
        ConditionalCache.Validators cached = ctx.validators().get(url);
        Fetched f = ctx.fetcher().get(url, RdfPageParser.ACCEPT, cached, ctx.call());
        if (f.notModified() && cached != null) {
            nextUrl = cached.next();
            ctx.validators().put(url, cached);
            return new Page(number, url, GraphFactory.createGraphMem(), 0, true);
        }
        String bodyHash = digest(f.body());
        if (cached != null && bodyHash.equals(cached.bodyHash())) {
            // byte for byte the page of the last committed run (a server without ETags): same as a 304, no parse
            nextUrl = cached.next();
            ctx.validators().put(url, new ConditionalCache.Validators(f.etag(), f.lastModified(), nextUrl, bodyHash));
            return new Page(number, url, GraphFactory.createGraphMem(), f.body().length, true);
        }
        Graph g = RdfPageParser.parse(f);
        nextUrl = sameOrigin(url, findNext(g, url));
        ctx.validators().put(url, new ConditionalCache.Validators(f.etag(), f.lastModified(), nextUrl, bodyHash));
        return new Page(number, url, g, f.body().length, false);
    }

    private static String digest(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next-page link; a link from the page's own node wins over others. */
    static String findNext(Graph g, String pageUrl) {
        String any = null;
        for (Node p : new Node[] {Vocab.HYDRA_next, Vocab.HYDRA_nextPage}) {
            ExtendedIterator<Triple> it = g.find(Node.ANY, p, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    if (!t.getObject().isURI()) continue;
                    if (t.getSubject().isURI() && t.getSubject().getURI().equals(pageUrl)) return t.getObject().getURI();
                    if (any == null) any = t.getObject().getURI();
                }
            } finally {
                it.close();
            }
        }
        return any;
    }

    /**
     * Follows a next link only within the page's origin: file pages to files, http(s) pages to the same host and
     * port (the scheme may change, since CKAN behind a proxy often says http for https). A file copy of a remote
     * catalogue thus never reaches out to the network, and a page cannot steer the harvester to another host.
     */
    static String sameOrigin(String pageUrl, String next) throws HarvestException {
        if (next == null) return null;
        java.net.URI p = java.net.URI.create(pageUrl);
        java.net.URI n;
        try {
            n = java.net.URI.create(next);
        } catch (IllegalArgumentException e) {
            throw new HarvestException("page " + pageUrl + " has an invalid next-page link: " + next);
        }
        if ("file".equals(p.getScheme())) return "file".equals(n.getScheme()) ? next : null;
        boolean http = "http".equals(n.getScheme()) || "https".equals(n.getScheme());
        if (!http || n.getHost() == null || !n.getHost().equalsIgnoreCase(p.getHost()) || effectivePort(n) != effectivePort(p))
            throw new HarvestException("page " + pageUrl + " links its next page to another origin (" + next + "); refusing to follow");
        return next;
    }

    private static int effectivePort(java.net.URI u) {
        return u.getPort() != -1 ? u.getPort() : ("https".equals(u.getScheme()) ? 443 : 80);
    }

    private static String normalise(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
