package de.hanse.harvest.source.csw;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.source.paged.DcatGraph;
import de.hanse.harvest.source.paged.Vocabularies;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.w3c.dom.Element;

/**
 * Maps one ISO 19139 {@code gmd:MD_Metadata} record to GeoDCAT-AP core (the table is in docs/harvesting.md,
 * "CSW / ISO 19139 mapping"). Records describing services are not datasets and are skipped. Missing fields are
 * left out, never fatal. Stateless; thread-safe.
 */
final class IsoMapper {
    private static final String UUID = "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final String endpoint;
    private final String datasetBase;

    /**
     * @param endpoint    the CSW endpoint (for GetRecordById IRIs)
     * @param datasetBase prefix for dataset IRIs ({@code <base><fileIdentifier>}), or null
     */
    IsoMapper(String endpoint, String datasetBase) {
        this.endpoint = endpoint;
        this.datasetBase = datasetBase;
    }

    /** Why a record was not mapped, or null when it was. */
    String map(Element md, DcatGraph g) {
        String fileId = Xml.text(md, "gmd:fileIdentifier");
        if (fileId == null) return "no gmd:fileIdentifier";
        String scope = Xml.code(md, "gmd:hierarchyLevel", "gmd:MD_ScopeCode");
        if (scope != null && scope.equals("service")) return "a service, not a dataset";
        Element ident = Xml.first(md, "gmd:identificationInfo", "*");
        Node d = datasetIri(fileId);
        if (d == null) return "fileIdentifier '" + fileId + "' gives no valid IRI";
        g.type(d, Vocab.DCAT_DATASET);
        g.literal(d, Vocab.DCT_identifier, fileId);
        String lang = Vocabularies.language(Xml.code(md, "gmd:language", "gmd:LanguageCode") != null
                ? Xml.code(md, "gmd:language", "gmd:LanguageCode") : Xml.text(md, "gmd:language"));
        String tag = "DEU".equals(lang) ? "de" : "ENG".equals(lang) ? "en" : null;
        if (lang != null) g.add(d, DcatGraph.u(Vocab.DCT, "language"), DcatGraph.u(DcatGraph.EU, "language/" + lang));
        Element citation = Xml.first(ident, "gmd:citation", "gmd:CI_Citation");
        g.langLiteral(d, Vocab.DCT_title, Xml.text(citation, "gmd:title"), tag);
        g.langLiteral(d, Vocab.DCT_description, Xml.text(ident, "gmd:abstract"), tag);
        for (Element k : Xml.all(ident, "gmd:descriptiveKeywords", "gmd:MD_Keywords", "gmd:keyword"))
            g.langLiteral(d, Vocab.DCAT_keyword, Xml.text(k), tag);
        for (Element tc : Xml.all(ident, "gmd:topicCategory", "gmd:MD_TopicCategoryCode")) {
            String theme = Vocabularies.topicTheme(tc.getTextContent());
            if (theme != null) g.add(d, Vocab.DCAT_theme, DcatGraph.u(DcatGraph.EU, "data-theme/" + theme));
        }
        dates(citation, g, d);
        String freq = Vocabularies.frequency(Xml.code(ident, "gmd:resourceMaintenance", "gmd:MD_MaintenanceInformation",
                "gmd:maintenanceAndUpdateFrequency", "gmd:MD_MaintenanceFrequencyCode"));
        if (freq != null) g.add(d, DcatGraph.u(Vocab.DCT, "accrualPeriodicity"), DcatGraph.u(DcatGraph.EU, "frequency/" + freq));
        for (Element bb : Xml.all(ident, "gmd:extent", "gmd:EX_Extent", "gmd:geographicElement", "gmd:EX_GeographicBoundingBox")) bbox(bb, g, d);
        IsoParties.map(md, ident, g, d);
        IsoConstraints c = IsoConstraints.of(ident);
        if (c.publicAccess()) g.add(d, DcatGraph.u(Vocab.DCT, "accessRights"), DcatGraph.u(DcatGraph.EU, "access-right/PUBLIC"));
        distributions(md, g, d, c);
        return null;
    }

    Node datasetIri(String fileId) {
        String enc = URLEncoder.encode(fileId, StandardCharsets.UTF_8).replace("+", "%20");
        if (datasetBase != null) return DcatGraph.iri(datasetBase + enc);
        if (fileId.matches(UUID)) return DcatGraph.iri("urn:uuid:" + fileId.toLowerCase(Locale.ROOT));
        return DcatGraph.iri(endpoint + (endpoint.contains("?") ? "&" : "?")
                + "service=CSW&version=2.0.2&request=GetRecordById&outputSchema=http://www.isotc211.org/2005/gmd&elementSetName=full&id=" + enc);
    }

    /** publication (else creation) -> dct:issued; the latest revision -> dct:modified. */
    private static void dates(Element citation, DcatGraph g, Node d) {
        String creation = null, publication = null, revision = null;
        for (Element cd : Xml.all(citation, "gmd:date", "gmd:CI_Date")) {
            String date = Xml.text(cd, "gmd:date");
            String type = Xml.code(cd, "gmd:dateType", "gmd:CI_DateTypeCode");
            if (date == null || type == null) continue;
            switch (type) {
                case "creation" -> creation = date;
                case "publication" -> publication = date;
                case "revision" -> revision = revision == null || date.compareTo(revision) > 0 ? date : revision;
                default -> { }
            }
        }
        g.date(d, Vocab.DCT_issued, publication != null ? publication : creation);
        g.date(d, Vocab.DCT_modified, revision);
    }

    private static void bbox(Element bb, DcatGraph g, Node d) {
        try {
            g.bbox(d, Double.parseDouble(Xml.text(bb, "gmd:westBoundLongitude")), Double.parseDouble(Xml.text(bb, "gmd:southBoundLatitude")),
                    Double.parseDouble(Xml.text(bb, "gmd:eastBoundLongitude")), Double.parseDouble(Xml.text(bb, "gmd:northBoundLatitude")));
        } catch (NumberFormatException | NullPointerException e) {
            // an incomplete box is left out
        }
    }

    /** One dcat:Distribution per online resource of the transfer options. */
    private static void distributions(Element md, DcatGraph g, Node d, IsoConstraints c) {
        Element dist = Xml.first(md, "gmd:distributionInfo", "gmd:MD_Distribution");
        List<String> formats = Xml.all(dist, "gmd:distributionFormat", "gmd:MD_Format", "gmd:name").stream().map(Xml::text).toList();
        for (Element or : Xml.all(dist, "gmd:transferOptions", "gmd:MD_DigitalTransferOptions", "gmd:onLine", "gmd:CI_OnlineResource")) {
            Node url = DcatGraph.iri(Xml.text(or, "gmd:linkage"));
            if (url == null) continue;
            Node r = DcatGraph.iri(d.getURI() + "#distribution-" + Hanse.sha256Hex(url.getURI()).substring(0, 12));
            g.add(d, Vocab.DCAT_distribution, r);
            g.type(r, Vocab.DCAT_DISTRIBUTION);
            g.literal(r, Vocab.DCT_title, Xml.text(or, "gmd:name"));
            g.literal(r, Vocab.DCT_description, Xml.text(or, "gmd:description"));
            g.add(r, Vocab.DCAT_accessURL, url);
            String protocol = String.valueOf(Xml.text(or, "gmd:protocol")).toUpperCase(Locale.ROOT);
            String function = Xml.code(or, "gmd:function", "gmd:CI_OnLineFunctionCode");
            if ("download".equals(function) || protocol.contains("DOWNLOAD")) g.add(r, Vocab.DCAT_downloadURL, url);
            if (protocol.contains("OGC:WMS")) g.format(r, "WMS");
            else if (protocol.contains("OGC:WFS")) g.format(r, "WFS");
            else if (formats.size() == 1 && formats.get(0) != null) g.format(r, formats.get(0));
            g.add(r, Vocab.DCT_license, c.license());
            for (String text : c.rights()) {
                Node rs = g.blank();
                g.add(r, DcatGraph.u(Vocab.DCT, "rights"), rs);
                g.type(rs, DcatGraph.u(Vocab.DCT, "RightsStatement"));
                g.literal(rs, DcatGraph.u(DcatGraph.RDFS, "label"), text);
            }
        }
    }
}
