package de.hanse.harvest.pipeline;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * One dataset record cut out of a page: the dataset and everything it describes on that page (distributions,
 * publisher, contact point, spatial and temporal nodes).
 *
 * @param dataset the {@code dcat:Dataset} node (an IRI; datasets given as blank nodes with a {@code dct:identifier}
 *                get a stable {@code urn:hanse:dataset:} IRI)
 * @param key     record identity: the dataset IRI, else {@code dct:identifier}
 * @param graph   the record's triples
 */
public record DatasetRecord(Node dataset, String key, Graph graph) {
}
