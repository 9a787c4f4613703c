package de.hanse.harvest.source;

import org.apache.jena.graph.Graph;

/**
 * One page of a source, parsed into RDF (DCAT-AP terms; sources that are not RDF, such as CKAN or CSW, map their
 * records to DCAT-AP before they hand a page on).
 *
 * @param number      1-based page number within the run
 * @param url         where the page came from (recorded as provenance, {@code prov:wasDerivedFrom})
 * @param graph       the page's triples; bounded by the source's page-size cap
 * @param bytes       size of the page as fetched
 * @param notModified the server answered 304 to a conditional GET: {@code graph} is empty and the records last
 *                    seen on this page are unchanged
 */
public record Page(int number, String url, Graph graph, long bytes, boolean notModified) {
}
