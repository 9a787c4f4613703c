package de.hanse.harvest.source.ckan;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.source.paged.DcatGraph;
import de.hanse.harvest.source.paged.Vocabularies;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * Maps one CKAN package (Action API JSON) to DCAT-AP 3 the way ckanext-dcat's DCAT-AP profiles do; the field
 * table is in docs/harvesting.md ("CKAN mapping"). Missing or malformed fields are left out, never fatal: a
 * package without a title is still mapped and the validator flags it. Stateless; thread-safe.
 */
final class CkanMapper {
    static final String VCARD = Vocab.VCARD;
    static final String LOCN = Vocab.LOCN;
    static final String SPDX = "http://spdx.org/rdf/terms#";

    private final String base;

    /** @param base the CKAN site URL without a trailing slash; dataset IRIs are {@code <base>/dataset/<name>} */
    CkanMapper(String base) {
        this.base = base;
    }

    /** Adds the package's triples to {@code g}; returns the dataset node, or null when it has neither id nor name. */
    Node map(JsonNode p, DcatGraph g) {
        String id = text(p, "id");
        String name = text(p, "name");
        if (id == null && name == null) return null;
        Map<String, String> extras = extras(p);
        Node d = DcatGraph.iri(extras.get("uri"));
        if (d == null) d = DcatGraph.iri(base + "/dataset/" + enc(name != null ? name : id));
        g.type(d, Vocab.DCAT_DATASET);
        g.literal(d, Vocab.DCT_title, text(p, "title"));
        g.literal(d, Vocab.DCT_description, text(p, "notes"));
        g.literal(d, Vocab.DCT_identifier, first(extras.get("identifier"), extras.get("guid"), id));
        g.add(d, DcatGraph.u(Vocab.DCAT, "landingPage"), DcatGraph.iri(text(p, "url")));
        g.literal(d, DcatGraph.u(Vocab.DCAT, "version"), text(p, "version"));
        g.date(d, Vocab.DCT_issued, first(extras.get("issued"), text(p, "metadata_created")));
        g.date(d, Vocab.DCT_modified, first(extras.get("modified"), text(p, "metadata_modified")));
        for (JsonNode t : p.path("tags")) g.literal(d, Vocab.DCAT_keyword, first(text(t, "display_name"), text(t, "name")));
        for (JsonNode grp : p.path("groups")) theme(g, d, Vocabularies.theme(text(grp, "name")));
        for (String v : values(extras.get("theme"))) g.add(d, Vocab.DCAT_theme, DcatGraph.iri(v));
        for (String v : values(extras.get("language"))) g.add(d, DcatGraph.u(Vocab.DCT, "language"), DcatGraph.iri(v));
        g.add(d, DcatGraph.u(Vocab.DCT, "accrualPeriodicity"), DcatGraph.iri(extras.get("frequency")));
        g.add(d, DcatGraph.u(Vocab.DCT, "accessRights"), DcatGraph.iri(extras.get("access_rights")));
        g.add(d, DcatGraph.u(Vocab.DCATDE, "politicalGeocodingURI"), DcatGraph.iri(extras.get("politicalGeocodingURI")));
        g.add(d, DcatGraph.u(Vocab.DCATDE, "politicalGeocodingLevelURI"), DcatGraph.iri(extras.get("politicalGeocodingLevelURI")));
        publisher(p.path("organization"), extras, g, d);
        contact(p, extras, g, d);
        temporal(extras, g, d);
        g.add(d, Vocab.DCT_spatial, DcatGraph.iri(extras.get("spatial_uri")));
        CkanSpatial.add(extras.get("spatial"), g, d);
        Node license = license(p);
        int n = 0;
        for (JsonNode r : p.path("resources")) distribution(r, g, d, id != null ? id : name, ++n, license);
        return d;
    }

    private static void theme(DcatGraph g, Node d, String code) {
        if (code != null) g.add(d, Vocab.DCAT_theme, DcatGraph.u(DcatGraph.EU, "data-theme/" + code));
    }

    private void publisher(JsonNode org, Map<String, String> extras, DcatGraph g, Node d) {
        Node pub = DcatGraph.iri(extras.get("publisher_uri"));
        if (pub == null && org.isObject() && text(org, "name") != null) pub = DcatGraph.iri(base + "/organization/" + enc(text(org, "name")));
        String pubName = first(extras.get("publisher_name"), text(org, "title"), text(org, "name"));
        if (pub == null && pubName != null) pub = g.blank();
        if (pub == null) return;
        g.add(d, Vocab.DCT_publisher, pub);
        g.type(pub, DcatGraph.u(Vocab.FOAF, "Agent"));
        g.type(pub, DcatGraph.u(Vocab.FOAF, "Organization"));
        g.literal(pub, Vocab.FOAF_name, pubName);
    }

    private static void contact(JsonNode p, Map<String, String> extras, DcatGraph g, Node d) {
        String name = first(extras.get("contact_name"), text(p, "maintainer"), text(p, "author"));
        String email = first(extras.get("contact_email"), text(p, "maintainer_email"), text(p, "author_email"));
        if (name == null && email == null) return;
        Node c = DcatGraph.iri(extras.get("contact_uri"));
        if (c == null) c = g.blank();
        g.add(d, Vocab.DCAT_contactPoint, c);
        g.type(c, DcatGraph.u(VCARD, "Organization"));
        g.literal(c, DcatGraph.u(VCARD, "fn"), name);
        if (email != null) g.add(c, DcatGraph.u(VCARD, "hasEmail"), DcatGraph.iri(email.startsWith("mailto:") ? email : "mailto:" + email.strip()));
    }

    private static void temporal(Map<String, String> extras, DcatGraph g, Node d) {
        String start = extras.get("temporal_start");
        String end = extras.get("temporal_end");
        if (start == null && end == null) return;
        Node t = g.blank();
        g.add(d, Vocab.DCT_temporal, t);
        g.type(t, DcatGraph.u(Vocab.DCT, "PeriodOfTime"));
        g.date(t, DcatGraph.u(Vocab.DCAT, "startDate"), start);
        g.date(t, DcatGraph.u(Vocab.DCAT, "endDate"), end);
    }

    /** {@code license_id} when it is an IRI or a known id, else {@code license_url}. */
    private static Node license(JsonNode p) {
        String lid = text(p, "license_id");
        Node n = DcatGraph.iri(lid);
        if (n == null) n = DcatGraph.iri(Vocabularies.license(lid));
        return n != null ? n : DcatGraph.iri(text(p, "license_url"));
    }

    private void distribution(JsonNode r, DcatGraph g, Node d, String pkg, int n, Node license) {
        Node dist = DcatGraph.iri(text(r, "uri"));
        if (dist == null && text(r, "id") != null) dist = DcatGraph.iri(base + "/dataset/" + enc(pkg) + "/resource/" + enc(text(r, "id")));
        if (dist == null) dist = DcatGraph.iri(base + "/dataset/" + enc(pkg) + "/resource/" + n);
        g.add(d, Vocab.DCAT_distribution, dist);
        g.type(dist, Vocab.DCAT_DISTRIBUTION);
        g.literal(dist, Vocab.DCT_title, text(r, "name"));
        g.literal(dist, Vocab.DCT_description, text(r, "description"));
        String url = text(r, "url");
        g.add(dist, Vocab.DCAT_accessURL, DcatGraph.iri(first(text(r, "access_url"), url)));
        String download = text(r, "download_url");
        if (download == null && "upload".equals(text(r, "url_type"))) download = url;
        g.add(dist, Vocab.DCAT_downloadURL, DcatGraph.iri(download));
        g.format(dist, text(r, "format"));
        String mime = text(r, "mimetype");
        if (mime != null && mime.matches("[\\w.+-]+/[\\w.+-]+"))
            g.add(dist, Vocab.DCAT_mediaType, DcatGraph.iri("https://www.iana.org/assignments/media-types/" + mime.strip()));
        String size = text(r, "size");
        if (size != null && size.matches("\\d{1,18}")) g.typed(dist, DcatGraph.u(Vocab.DCAT, "byteSize"), size, XSDDatatype.XSDnonNegativeInteger);
        g.date(dist, Vocab.DCT_issued, text(r, "created"));
        g.date(dist, Vocab.DCT_modified, first(text(r, "last_modified"), text(r, "metadata_modified")));
        g.add(dist, Vocab.DCT_license, license);
        checksum(text(r, "hash"), text(r, "hash_algorithm"), g, dist);
    }

    /** {@code hash} (optionally {@code algo:hex}) as an SPDX checksum; the algorithm from the field or the length. */
    private static void checksum(String hash, String algorithm, DcatGraph g, Node dist) {
        if (hash == null) return;
        String h = hash.strip().toLowerCase(java.util.Locale.ROOT);
        String algo = algorithm == null ? null : algorithm.strip().toLowerCase(java.util.Locale.ROOT).replace("-", "");
        int colon = h.indexOf(':');
        if (colon > 0) {
            algo = h.substring(0, colon).replace("-", "");
            h = h.substring(colon + 1);
        }
        if (!h.matches("[0-9a-f]{32,128}")) return;
        if (algo == null) algo = switch (h.length()) {
            case 32 -> "md5";
            case 40 -> "sha1";
            case 64 -> "sha256";
            case 128 -> "sha512";
            default -> null;
        };
        if (algo == null || !algo.matches("md5|sha1|sha224|sha256|sha384|sha512")) return;
        Node c = g.blank();
        g.add(dist, DcatGraph.u(SPDX, "checksum"), c);
        g.type(c, DcatGraph.u(SPDX, "Checksum"));
        g.typed(c, DcatGraph.u(SPDX, "checksumValue"), h, XSDDatatype.XSDhexBinary);
        g.add(c, DcatGraph.u(SPDX, "algorithm"), DcatGraph.u(SPDX, "checksumAlgorithm_" + algo));
    }

    /** CKAN extras ({@code [{key, value}]}) as a map; plain top-level string fields (ckanext-scheming) too. */
    private static Map<String, String> extras(JsonNode p) {
        Map<String, String> m = new HashMap<>();
        p.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) m.put(e.getKey(), e.getValue().asText());
        });
        for (JsonNode e : p.path("extras")) {
            String k = text(e, "key");
            String v = text(e, "value");
            if (k != null && v != null) m.put(k, v);
        }
        return m;
    }

    /** A value that may be a JSON array of strings ({@code ["a","b"]}), a comma list, or one value. */
    private static java.util.List<String> values(String v) {
        if (v == null) return java.util.List.of();
        String s = v.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String part : s.split(",")) {
            String t = part.strip().replaceAll("^\"|\"$", "");
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static String first(String... vs) {
        for (String v : vs) if (v != null && !v.isBlank()) return v;
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
