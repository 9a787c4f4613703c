package de.hanse.ngsild.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityExpander;
import de.hanse.ngsild.model.EntityRenderer;
import de.hanse.ngsild.model.Format;
import de.hanse.ngsild.model.Ngsi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderedEntitiesTest {
    private static final LdContext CORE = LdContext.core();
    private static final String URL = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld";

    private static ObjectNode entity(String id, double value) throws Exception {
        return EntityExpander.entity(Ngsi.JSON.readTree("{\"id\":\"" + id + "\",\"type\":\"Sensor\","
                + "\"temperature\":{\"type\":\"Property\",\"value\":" + value + ",\"observedAt\":\"2026-11-28T10:00:00Z\"},"
                + "\"location\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[8.8,53.1]}},"
                + "\"name\":{\"type\":\"Property\",\"value\":\"Sensor \\\"\\u00e4\\\"\"}}"), CORE, Instant.parse("2026-12-01T00:00:00Z"));
    }

    /** What the tree path sends: the array of rendered entities, with @context in each for ld+json. */
    private static byte[] tree(List<ObjectNode> entities, Format format, boolean ld) throws Exception {
        ArrayNode a = Ngsi.NODES.arrayNode();
        for (ObjectNode e : entities) {
            ObjectNode r = EntityRenderer.render(e, CORE, format);
            if (ld) r.put("@context", URL);
            a.add(r);
        }
        return Ngsi.JSON.writeValueAsBytes(a);
    }

    @Test
    void pagesAreTheBytesOfTheRenderedArrayInEveryForm() throws Exception {
        RenderedEntities cache = new RenderedEntities();
        List<ObjectNode> page = List.of(entity("urn:ngsi-ld:Sensor:1", 5.5), entity("urn:ngsi-ld:Sensor:2", -1));
        for (Format f : List.of(Format.NORMALIZED, new Format(Format.Form.NORMALIZED, true), new Format(Format.Form.KEY_VALUES, false),
                new Format(Format.Form.CONCISE, true))) {
            for (boolean ld : new boolean[] {false, true}) {
                for (int round = 0; round < 2; round++)   // the second round comes from the cache
                    assertThat(new String(cache.page(page, CORE, f, ld, URL), "UTF-8")).as(f + " ld=" + ld)
                            .isEqualTo(new String(tree(page, f, ld), "UTF-8"));
            }
        }
        assertThat(new String(cache.page(List.of(), CORE, Format.NORMALIZED, false, URL), "UTF-8")).isEqualTo("[]");
    }

    @Test
    void aReplacedEntityIsRenderedAnew() throws Exception {
        RenderedEntities cache = new RenderedEntities();
        ObjectNode before = entity("urn:ngsi-ld:Sensor:1", 5.5);
        assertThat(new String(cache.page(List.of(before), CORE, new Format(Format.Form.KEY_VALUES, false), false, URL), "UTF-8"))
                .contains("\"temperature\":5.5");
        // the store writes a changed entity as a new object (copy, change, replace)
        ObjectNode after = entity("urn:ngsi-ld:Sensor:1", 7.25);
        assertThat(new String(cache.page(List.of(after), CORE, new Format(Format.Form.KEY_VALUES, false), false, URL), "UTF-8"))
                .contains("\"temperature\":7.25").doesNotContain("5.5");
        // an equal but distinct object is its own entry, never confused with another by value
        assertThat(new String(cache.page(List.of(before.deepCopy()), CORE, new Format(Format.Form.KEY_VALUES, false), false, URL), "UTF-8"))
                .contains("\"temperature\":5.5");
    }
}
