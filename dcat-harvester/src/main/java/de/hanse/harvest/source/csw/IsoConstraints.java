package de.hanse.harvest.source.csw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.harvest.source.paged.DcatGraph;
import de.hanse.harvest.source.paged.Vocabularies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.w3c.dom.Element;

/**
 * Licence and rights from ISO 19139 {@code gmd:resourceConstraints}: {@code gmd:otherConstraints} and
 * {@code gmd:useLimitation} texts. A licence is recognised from an {@code gmx:Anchor} link, from the GDI-DE
 * JSON convention ({@code {"id":"dl-by-de/2.0","url":…}}) or from the usual German licence names; every other
 * text becomes a rights statement. INSPIRE "no limitations on public access" sets the access rights to public.
 *
 * @param license      the licence IRI, or null
 * @param rights       texts that are not a recognised licence
 * @param publicAccess whether public access is declared unrestricted
 */
record IsoConstraints(Node license, List<String> rights, boolean publicAccess) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static IsoConstraints of(Element ident) {
        Node license = null;
        List<String> rights = new ArrayList<>();
        boolean open = false;
        for (Element c : Xml.all(ident, "gmd:resourceConstraints", "*")) {
            List<Element> texts = new ArrayList<>(Xml.all(c, "gmd:otherConstraints"));
            texts.addAll(Xml.all(c, "gmd:useLimitation"));
            for (Element t : texts) {
                Element anchor = Xml.first(t, "gmx:Anchor");
                String href = Xml.href(anchor);
                String text = Xml.text(t);
                if (href != null && href.endsWith("LimitationsOnPublicAccess/noLimitations")) {
                    open = true;
                    continue;
                }
                Node l = href != null ? licenceFromLink(href) : null;
                if (l == null && text != null) l = licenceFromText(text);
                if (l != null && license == null) license = l;
                else if (l == null && text != null && !text.startsWith("{")) rights.add(text);
                if (text != null && text.toLowerCase(Locale.ROOT).contains("keine zugriffsbeschränkungen")) open = true;
            }
        }
        return new IsoConstraints(license, List.copyOf(rights), open);
    }

    private static Node licenceFromLink(String href) {
        String de = Vocabularies.license(href);
        if (de != null) return DcatGraph.iri(de);
        return href.contains("/licence/") || href.contains("/licenses/") || href.contains("creativecommons.org") ? DcatGraph.iri(href) : null;
    }

    /** GDI-DE JSON ({@code id}, else {@code url}), or a known licence name. */
    static Node licenceFromText(String text) {
        String t = text.strip();
        if (t.startsWith("{")) {
            try {
                JsonNode j = JSON.readTree(t);
                String id = j.path("id").asText(null);
                Node n = DcatGraph.iri(Vocabularies.license(id));
                return n != null ? n : DcatGraph.iri(j.path("url").asText(null));
            } catch (java.io.IOException e) {
                return null;
            }
        }
        String k = t.toLowerCase(Locale.ROOT).replaceAll("[–—-]", " ").replaceAll("\\s+", " ");
        String id = null;
        if (k.contains("datenlizenz deutschland") && k.contains("namensnennung") && k.contains("2.0") || k.contains("dl de/by 2 0")) id = "dl-by-de/2.0";
        else if (k.contains("datenlizenz deutschland") && k.contains("zero") || k.contains("dl de/zero 2 0")) id = "dl-zero-de/2.0";
        else if (k.matches(".*\\bcc by 4\\.0\\b.*") || k.contains("creative commons namensnennung 4.0")) id = "cc-by/4.0";
        else if (k.matches(".*\\bcc0\\b.*") || k.contains("cc zero")) id = "cc-zero";
        return id == null ? null : DcatGraph.iri(Vocabularies.LICENSES_DE + id);
    }
}
