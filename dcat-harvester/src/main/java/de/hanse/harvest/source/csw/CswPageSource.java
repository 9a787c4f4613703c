package de.hanse.harvest.source.csw;

import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.HarvestException;
import de.hanse.harvest.fetch.Fetched;
import de.hanse.harvest.source.paged.DcatGraph;
import de.hanse.harvest.source.paged.OffsetPageSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Pages of CSW 2.0.2 {@code GetRecords} results ({@code resultType="results"}, {@code outputSchema} gmd, sorted
 * by identifier for stable paging), following {@code nextRecord} until it is 0 or past
 * {@code numberOfRecordsMatched}; a {@code nextRecord} that does not advance is a page loop. An OWS exception
 * report fails the run with its text. Records that cannot be mapped are skipped with a warning.
 */
final class CswPageSource extends OffsetPageSource {
    private static final Logger LOG = LoggerFactory.getLogger(CswPageSource.class);

    private final String endpoint;
    private final int maxRecords;
    private final String typeFilter;
    private final IsoMapper mapper;

    CswPageSource(String endpoint, int maxRecords, String typeFilter, IsoMapper mapper, int maxPages, HarvestContext ctx) {
        super(ctx, maxPages, 1);
        this.endpoint = endpoint;
        this.maxRecords = maxRecords;
        this.typeFilter = typeFilter == null || !typeFilter.matches("[A-Za-z]{1,32}") ? null : typeFilter;
        this.mapper = mapper;
    }

    String request(long start) {
        String constraint = typeFilter == null ? "" : """
                    <csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsEqualTo>
                      <ogc:PropertyName>apiso:Type</ogc:PropertyName><ogc:Literal>%s</ogc:Literal>
                    </ogc:PropertyIsEqualTo></ogc:Filter></csw:Constraint>
                """.formatted(typeFilter);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc"
                    xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:apiso="http://www.opengis.net/cat/csw/apiso/1.0"
                    service="CSW" version="2.0.2" resultType="results" startPosition="%d" maxRecords="%d"
                    outputFormat="application/xml" outputSchema="http://www.isotc211.org/2005/gmd">
                  <csw:Query typeNames="gmd:MD_Metadata">
                    <csw:ElementSetName>full</csw:ElementSetName>
                %s    <ogc:SortBy><ogc:SortProperty><ogc:PropertyName>apiso:Identifier</ogc:PropertyName><ogc:SortOrder>ASC</ogc:SortOrder></ogc:SortProperty></ogc:SortBy>
                  </csw:Query>
                </csw:GetRecords>
                """.formatted(start, maxRecords, constraint);
    }

    @Override
    protected String pageUrl(long start) {
        return endpoint + "#startPosition=" + start;
    }

    @Override
    protected Fetched fetch(long start) throws HarvestException {
        return ctx().fetcher().post(endpoint, "application/xml", "application/xml", request(start), ctx().call());
    }

    @Override
    protected Batch map(Fetched page, long start) throws HarvestException {
        Document doc = Xml.parse(page.body(), page.url());
        Element root = doc.getDocumentElement();
        if ("ExceptionReport".equals(root.getLocalName()))
            throw new HarvestException("CSW " + endpoint + " answered with an exception: " + root.getTextContent().strip().replaceAll("\\s+", " "));
        Element results = Xml.first(root, "csw:SearchResults");
        if (results == null) throw new HarvestException(page.url() + " is not a CSW GetRecords response (no csw:SearchResults)");
        // ISO 19115-2 records (gmi:MI_Metadata, e.g. imagery in GeoNetwork) carry the same gmd content
        List<Element> records = Xml.children(results, "*").stream()
                .filter(e -> "MD_Metadata".equals(e.getLocalName()) || "MI_Metadata".equals(e.getLocalName())).toList();
        DcatGraph g = new DcatGraph();
        for (Element md : records) {
            DcatGraph one = new DcatGraph();
            String skipped;
            try {
                skipped = mapper.map(md, one);
            } catch (RuntimeException e) {
                skipped = e.toString();
            }
            if (skipped != null) {
                LOG.warn("CSW record {} at {} skipped: {}", Xml.text(md, "gmd:fileIdentifier"), page.url(), skipped);
                continue;
            }
            one.graph().find().forEachRemaining(g.graph()::add);
        }
        long matched = number(results.getAttribute("numberOfRecordsMatched"));
        long next = number(results.getAttribute("nextRecord"));
        boolean more = next > 0 && (matched < 0 || next <= matched);
        return new Batch(g.graph(), records.size(), more ? next : -1);
    }

    private static long number(String s) {
        try {
            return s == null || s.isBlank() ? -1 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
