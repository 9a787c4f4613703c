package de.hanse.core.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** IRIs of the W3C and community vocabularies Hanse reads and writes, as Jena {@link Node}s. */
public final class Vocab {
    private Vocab() {}

    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    public static final String LOCN = "http://www.w3.org/ns/locn#";
    public static final String DCATDE = "http://dcat-ap.de/def/dcatde/";
    public static final String ADMS = "http://www.w3.org/ns/adms#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    public static final Node RDF_TYPE = u(RDF, "type");
    public static final Node DCAT_CATALOG = u(DCAT, "Catalog");
    public static final Node DCAT_CATALOG_RECORD = u(DCAT, "CatalogRecord");
    public static final Node DCAT_DATASET = u(DCAT, "Dataset");
    public static final Node DCAT_DATASET_SERIES = u(DCAT, "DatasetSeries");
    public static final Node DCAT_DISTRIBUTION = u(DCAT, "Distribution");
    public static final Node DCAT_DATA_SERVICE = u(DCAT, "DataService");
    public static final Node DCAT_dataset = u(DCAT, "dataset");
    public static final Node DCAT_distribution = u(DCAT, "distribution");
    public static final Node DCAT_record = u(DCAT, "record");
    public static final Node DCAT_keyword = u(DCAT, "keyword");
    public static final Node DCAT_theme = u(DCAT, "theme");
    public static final Node DCAT_accessURL = u(DCAT, "accessURL");
    public static final Node DCAT_downloadURL = u(DCAT, "downloadURL");
    public static final Node DCAT_mediaType = u(DCAT, "mediaType");
    public static final Node DCAT_contactPoint = u(DCAT, "contactPoint");
    public static final Node DCAT_bbox = u(DCAT, "bbox");
    public static final Node DCT_title = u(DCT, "title");
    public static final Node DCT_description = u(DCT, "description");
    public static final Node DCT_identifier = u(DCT, "identifier");
    public static final Node DCT_modified = u(DCT, "modified");
    public static final Node DCT_issued = u(DCT, "issued");
    public static final Node DCT_publisher = u(DCT, "publisher");
    public static final Node DCT_license = u(DCT, "license");
    public static final Node DCT_format = u(DCT, "format");
    public static final Node DCT_spatial = u(DCT, "spatial");
    public static final Node DCT_temporal = u(DCT, "temporal");
    public static final Node DCT_source = u(DCT, "source");
    public static final Node FOAF_primaryTopic = u(FOAF, "primaryTopic");
    public static final Node FOAF_name = u(FOAF, "name");
    public static final Node PROV_wasDerivedFrom = u(PROV, "wasDerivedFrom");
    public static final Node PROV_generatedAtTime = u(PROV, "generatedAtTime");
    public static final Node HYDRA_PagedCollection = u(HYDRA, "PagedCollection");
    public static final Node HYDRA_PartialCollectionView = u(HYDRA, "PartialCollectionView");
    public static final Node HYDRA_nextPage = u(HYDRA, "nextPage");
    public static final Node HYDRA_next = u(HYDRA, "next");
    public static final Node HYDRA_first = u(HYDRA, "first");
    public static final Node HYDRA_last = u(HYDRA, "last");
    public static final Node HYDRA_previous = u(HYDRA, "previous");
    public static final Node HYDRA_firstPage = u(HYDRA, "firstPage");
    public static final Node HYDRA_lastPage = u(HYDRA, "lastPage");
    public static final Node HYDRA_totalItems = u(HYDRA, "totalItems");
    public static final Node HYDRA_itemsPerPage = u(HYDRA, "itemsPerPage");
    public static final Node HYDRA_view = u(HYDRA, "view");
    public static final Node HYDRA_Collection = u(HYDRA, "Collection");

    private static Node u(String ns, String local) {
        return NodeFactory.createURI(ns + local);
    }
}
