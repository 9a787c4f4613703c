package de.hanse.harvest.fetch;

import de.hanse.harvest.HarvestException;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Parses a fetched page as Turtle, RDF/XML, JSON-LD or N-Triples: by Content-Type, else by file extension, else
 * by sniffing the first bytes. The page URL is the base IRI, so relative IRIs (as CKAN emits) resolve. Jena's
 * RDF/XML parser does not resolve external entities (no XXE); a DOCTYPE with an entity declaration is refused
 * before parsing as well.
 */
public final class RdfPageParser {
    private RdfPageParser() {}

    public static final String ACCEPT = "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, application/n-triples;q=0.7, */*;q=0.1";

    public static Lang detect(Fetched page) {
        Lang lang = null;
        if (page.contentType() != null && !page.contentType().equals("text/plain") && !page.contentType().equals("application/octet-stream"))
            lang = RDFLanguages.contentTypeToLang(page.contentType());
        if (lang == null) {
            String path = page.url().toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
            lang = RDFLanguages.filenameToLang(path);
        }
        if (lang == null) lang = sniff(page.body());
        return lang;
    }

    private static Lang sniff(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (head.startsWith("<?xml") || head.startsWith("<rdf:RDF")) return Lang.RDFXML;
        if (head.startsWith("{") || head.startsWith("[")) return Lang.JSONLD;
        return Lang.TURTLE;
    }

    public static Graph parse(Fetched page) throws HarvestException {
        Lang lang = detect(page);
        if (lang == Lang.RDFXML) refuseEntities(page);
        Graph g = GraphFactory.createDefaultGraph();
        try {
            RDFParser.create().source(new ByteArrayInputStream(page.body())).lang(lang).base(page.url())
                    .strict(false).checking(false).parse(g);
        } catch (RiotException e) {
            throw new HarvestException("cannot parse " + page.url() + " as " + lang.getName() + ": " + e.getMessage(), e);
        }
        return g;
    }

    private static void refuseEntities(Fetched page) throws HarvestException {
        String head = new String(page.body(), 0, Math.min(page.body().length, 8192), java.nio.charset.StandardCharsets.UTF_8);
        if (head.contains("<!ENTITY") && (head.contains("SYSTEM") || head.contains("PUBLIC")))
            throw new HarvestException("refusing " + page.url() + ": RDF/XML declares external entities (XXE)");
    }
}
