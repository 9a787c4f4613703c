package de.hanse.bench.sparql;

import java.util.LinkedHashMap;
import java.util.Map;

/** The query suite: star, path, cross-source joins, OPTIONAL, FILTER, UNION, aggregation, ORDER BY + LIMIT, no source. */
final class BenchQueries {
    private BenchQueries() {}

    static final String PREFIXES = """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX dcat: <http://www.w3.org/ns/dcat#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX sosa: <http://www.w3.org/ns/sosa/>
            PREFIX ex: <https://w3id.org/hanse/example#>
            PREFIX hub: <https://hub.example/>
            """;

    static Map<String, String> all() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("Q1 star: city CSV datasets", """
                SELECT ?d ?title ?url WHERE { ?d a dcat:Dataset ; dct:title ?title ; dct:publisher ?pub ; dcat:distribution ?dist .
                  ?dist dcat:accessURL ?url ; dcat:mediaType <https://hub.example/mt/csv> }""");
        q.put("Q2 aggregate: district observations per hub property", """
                SELECT ?label (COUNT(?o) AS ?n) (AVG(?v) AS ?avg) WHERE {
                  ?o sosa:madeBySensor ?s ; sosa:observedProperty ?p ; sosa:hasSimpleResult ?v .
                  ?s sosa:isHostedBy ?pl . ?pl ex:inDistrict <https://koeln.example/district/3> .
                  ?p rdfs:label ?label } GROUP BY ?label""");
        q.put("Q3 path + filter: high readings in a district", """
                SELECT ?o ?v WHERE { ?o sosa:madeBySensor/sosa:isHostedBy/ex:inDistrict <https://bonn.example/district/7> ;
                  sosa:hasSimpleResult ?v FILTER(?v > 45) }""");
        q.put("Q4 optional: sensors of a district, install date if known", """
                SELECT ?s ?date WHERE { ?s a sosa:Sensor ; sosa:isHostedBy ?pl . ?pl ex:inDistrict <https://muenster.example/district/2>
                  OPTIONAL { ?s ex:installedAt ?date } }""");
        q.put("Q5 filter: NO2 peaks in a time window, all cities", """
                SELECT ?o ?t ?v WHERE { ?o sosa:observedProperty <https://hub.example/prop/4> ; sosa:resultTime ?t ; sosa:hasSimpleResult ?v
                  FILTER(?t >= "2025-02-01T00:00:00Z"^^xsd:dateTime && ?t < "2025-02-03T00:00:00Z"^^xsd:dateTime && ?v > 40) }""");
        q.put("Q6 union: theme datasets and recently modified records", """
                SELECT ?x ?title WHERE { { ?x a dcat:Dataset ; dcat:theme <https://hub.example/theme/3> ; dcat:keyword "kw7" ; dct:title ?title }
                  UNION { ?r foaf:primaryTopic ?x ; dct:modified ?m . ?x dct:title ?title FILTER(?m >= "2025-12-20"^^xsd:date) } }""");
        q.put("Q7 order by + limit: top PM readings of one model", """
                SELECT ?o ?v WHERE { ?o sosa:observedProperty ?p ; sosa:hasSimpleResult ?v ; sosa:madeBySensor ?s .
                  ?s ex:model <https://hub.example/model/7> } ORDER BY DESC(?v) ?o LIMIT 10""");
        q.put("Q8 cross-city join through hub models", """
                SELECT ?a ?b ?maker WHERE { ?a ex:model ?m ; sosa:isHostedBy ?pa . ?pa ex:inDistrict <https://koeln.example/district/1> .
                  ?b ex:model ?m ; sosa:isHostedBy ?pb . ?pb ex:inDistrict <https://dresden.example/district/1> .
                  ?m ex:manufacturer ?maker }""");
        q.put("Q9 hub records to city datasets and theme labels", """
                SELECT ?title ?theme WHERE { ?r a dcat:CatalogRecord ; foaf:primaryTopic ?d ; dct:modified ?mod .
                  ?d dct:title ?title ; dcat:theme ?th . ?th rdfs:label ?theme FILTER(?mod >= "2025-12-15"^^xsd:date) }""");
        q.put("Q10 no source: a predicate nobody has", """
                SELECT ?s ?l WHERE { ?s ex:calibratedBy ?lab . ?lab rdfs:label ?l }""");
        return q;
    }
}
