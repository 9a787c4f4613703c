package de.hanse.ngsild.federation.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityExpander;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.registry.Registration.Mode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityMergerTest {
    static final String V = "https://uri.etsi.org/ngsi-ld/default-context/";
    static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    static ObjectNode e(String json) {
        try {
            return EntityExpander.entity(Ngsi.JSON.readTree(json), LdContext.core(), null);
        } catch (java.io.IOException x) {
            throw new IllegalStateException(x);
        }
    }

    static SourceEntities src(String name, Mode mode, ObjectNode... es) {
        return new SourceEntities(name, mode, List.of(es));
    }

    @Test
    void newestObservedAtWinsPerDatasetAndTypesAreUnited() {
        ObjectNode a = e("""
                {"id":"urn:p:1","type":"Parking","modifiedAt":"2026-11-28T10:00:00Z",
                 "free":[{"type":"Property","value":10,"observedAt":"2026-11-28T10:00:00Z"},
                         {"type":"Property","value":1,"datasetId":"urn:ds:sensor","observedAt":"2026-11-28T12:00:00Z"}],
                 "name":{"type":"Property","value":"Hafen"}}""");
        ObjectNode b = e("""
                {"id":"urn:p:1","type":["Parking","OffStreetParking"],"modifiedAt":"2026-11-28T11:00:00Z",
                 "free":[{"type":"Property","value":12,"observedAt":"2026-11-28T11:00:00Z"},
                         {"type":"Property","value":2,"datasetId":"urn:ds:sensor","observedAt":"2026-11-28T09:00:00Z"}],
                 "total":{"type":"Property","value":200}}""");
        List<ObjectNode> m = EntityMerger.merge(List.of(src("a", Mode.INCLUSIVE, a), src("b", Mode.INCLUSIVE, b)), NOW);
        assertThat(m).hasSize(1);
        ObjectNode x = m.get(0);
        assertThat(Ngsi.types(x)).containsExactly(V + "Parking", V + "OffStreetParking");
        assertThat(Ngsi.instances(x, V + "free")).extracting(i -> i.get("value").asInt()).containsExactly(12, 1);
        assertThat(x.get(V + "name").get(0).get("value").asText()).isEqualTo("Hafen");
        assertThat(x.get(V + "total").get(0).get("value").asInt()).isEqualTo(200);
        assertThat(x.get("modifiedAt").asText()).isEqualTo("2026-11-28T11:00:00Z");
    }

    @Test
    void modifiedAtDecidesWithoutObservedAtThenSourceOrder() {
        ObjectNode a = e("{\"id\":\"urn:p:1\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":\"a\",\"modifiedAt\":\"2026-11-28T10:00:00Z\"},\"w\":{\"type\":\"Property\",\"value\":\"a\"}}");
        ObjectNode b = e("{\"id\":\"urn:p:1\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":\"b\",\"modifiedAt\":\"2026-11-28T11:00:00Z\"},\"w\":{\"type\":\"Property\",\"value\":\"b\"}}");
        ObjectNode x = EntityMerger.merge(List.of(src("a", Mode.INCLUSIVE, a), src("b", Mode.INCLUSIVE, b)), NOW).get(0);
        assertThat(x.get(V + "v").get(0).get("value").asText()).isEqualTo("b");
        assertThat(x.get(V + "w").get(0).get("value").asText()).isEqualTo("a");
    }

    @Test
    void auxiliaryOnlyFillsGapsAndExclusiveWins() {
        ObjectNode local = e("{\"id\":\"urn:p:1\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":1,\"observedAt\":\"2026-11-28T10:00:00Z\"}}");
        ObjectNode aux = e("{\"id\":\"urn:p:1\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":2,\"observedAt\":\"2026-11-28T23:00:00Z\"},\"extra\":{\"type\":\"Property\",\"value\":\"x\"}}");
        ObjectNode excl = e("{\"id\":\"urn:p:2\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":3,\"observedAt\":\"2026-11-01T00:00:00Z\"}}");
        ObjectNode incl = e("{\"id\":\"urn:p:2\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":4,\"observedAt\":\"2026-11-28T00:00:00Z\"}}");
        List<ObjectNode> m = EntityMerger.merge(List.of(src("local", Mode.INCLUSIVE, local, incl), src("aux", Mode.AUXILIARY, aux),
                src("ex", Mode.EXCLUSIVE, excl)), NOW);
        assertThat(m).extracting(x -> x.get("id").asText()).containsExactly("urn:p:1", "urn:p:2");
        assertThat(m.get(0).get(V + "v").get(0).get("value").asInt()).isEqualTo(1);
        assertThat(m.get(0).get(V + "extra").get(0).get("value").asText()).isEqualTo("x");
        assertThat(m.get(1).get(V + "v").get(0).get("value").asInt()).isEqualTo(3);
    }

    @Test
    void dropsExpiredEntitiesAndInstancesAndSortsById() {
        ObjectNode gone = e("{\"id\":\"urn:p:0\",\"type\":\"T\",\"expiresAt\":\"2026-11-28T00:00:00Z\"}");
        ObjectNode z = e("{\"id\":\"urn:p:9\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":1,\"expiresAt\":\"2026-11-28T00:00:00Z\",\"observedAt\":\"2026-11-28T23:59:00Z\"}}");
        ObjectNode z2 = e("{\"id\":\"urn:p:9\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":2,\"observedAt\":\"2026-01-01T00:00:00Z\"}}");
        ObjectNode a = e("{\"id\":\"urn:p:5\",\"type\":\"T\"}");
        List<ObjectNode> m = EntityMerger.merge(List.of(src("a", Mode.INCLUSIVE, z, gone), src("b", Mode.INCLUSIVE, a, z2)), NOW);
        assertThat(m).extracting(x -> x.get("id").asText()).containsExactly("urn:p:5", "urn:p:9");
        assertThat(m.get(1).get(V + "v").get(0).get("value").asInt()).isEqualTo(2);
        assertThat(m.get(0)).as("an entity only one source has passes through").isSameAs(a);
    }

    @Test
    void doesNotModifyInputs() {
        ObjectNode a = e("{\"id\":\"urn:p:1\",\"type\":\"A\",\"v\":{\"type\":\"Property\",\"value\":1}}");
        ObjectNode b = e("{\"id\":\"urn:p:1\",\"type\":\"B\",\"w\":{\"type\":\"Property\",\"value\":1}}");
        String before = a.toString() + b;
        EntityMerger.merge(List.of(src("a", Mode.INCLUSIVE, a), src("b", Mode.INCLUSIVE, b)), NOW);
        assertThat(a.toString() + b).isEqualTo(before);
    }

    @Test
    void oneSourceIsPassedThroughSortedWithExpiredDroppedAndRepeatsMerged() {
        ObjectNode b = e("{\"id\":\"urn:p:2\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":1}}");
        ObjectNode a = e("{\"id\":\"urn:p:1\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":2}}");
        ObjectNode gone = e("{\"id\":\"urn:p:3\",\"type\":\"T\",\"expiresAt\":\"2026-11-28T00:00:00Z\",\"v\":{\"type\":\"Property\",\"value\":3}}");
        ObjectNode partly = e("{\"id\":\"urn:p:4\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":4},"
                + "\"w\":{\"type\":\"Property\",\"value\":5,\"expiresAt\":\"2026-11-28T00:00:00Z\"}}");
        // in id order (as a store hands them out): passed through, the very objects
        List<ObjectNode> sorted = EntityMerger.merge(List.of(src("local", Mode.INCLUSIVE), src("a", Mode.INCLUSIVE, a, b, gone, partly)), NOW);
        assertThat(sorted).extracting(x -> x.get("id").asText()).containsExactly("urn:p:1", "urn:p:2", "urn:p:4");
        assertThat(sorted.get(0)).isSameAs(a);
        assertThat(sorted.get(2).has(V + "w")).isFalse();
        // out of order or repeated: sorted and merged like several sources
        ObjectNode b2 = e("{\"id\":\"urn:p:2\",\"type\":\"T\",\"x\":{\"type\":\"Property\",\"value\":9}}");
        List<ObjectNode> mixed = EntityMerger.merge(List.of(src("a", Mode.INCLUSIVE, b, a, b2)), NOW);
        assertThat(mixed).extracting(x -> x.get("id").asText()).containsExactly("urn:p:1", "urn:p:2");
        assertThat(mixed.get(1).has(V + "v")).isTrue();
        assertThat(mixed.get(1).has(V + "x")).isTrue();
    }

    /**
     * Sources in id order (as Hanse nodes answer) are merged by walking them in step; the same sources marked as
     * unordered take the general path (grouping by id, then sorting). Both give the very same list: same entities in
     * the same order, pass-through entities as the same objects, entities at several sources merged alike.
     */
    @Test
    void sourcesInIdOrderMergeInStepExactlyAsTheGeneralPath() {
        java.util.Random rnd = new java.util.Random(7);
        for (int round = 0; round < 50; round++) {
            int k = 1 + rnd.nextInt(6);
            List<SourceEntities> sorted = new java.util.ArrayList<>();
            List<SourceEntities> unordered = new java.util.ArrayList<>();
            for (int s = 0; s < k; s++) {
                java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
                int n = rnd.nextInt(12);
                // some sources hold their own id range, others overlap with every other source
                int base = rnd.nextBoolean() ? s * 100 : 0;
                while (ids.size() < n) ids.add(base + rnd.nextInt(30));
                List<ObjectNode> es = new java.util.ArrayList<>();
                for (int id : ids) es.add(e(String.format(java.util.Locale.ROOT,
                        "{\"id\":\"urn:t:%04d\",\"type\":\"%s\",\"v\":{\"type\":\"Property\",\"value\":%d,\"observedAt\":\"2026-11-28T10:%02d:00Z\"}%s}",
                        id, s % 2 == 0 ? "T" : "U", s, rnd.nextInt(60), rnd.nextBoolean() ? ",\"w\":{\"type\":\"Property\",\"value\":" + s + "}" : "")));
                Mode mode = Mode.values()[rnd.nextInt(Mode.values().length)];
                SourceEntities src = new SourceEntities("s" + s, mode, es);
                assertThat(src.facts().ids()).hasSize(es.size());
                sorted.add(src);
                unordered.add(new SourceEntities("s" + s, mode, es, new SourceEntities.Facts(null, src.facts().earliest(), src.facts().internal())));
            }
            List<ObjectNode> inStep = EntityMerger.merge(sorted, NOW);
            List<ObjectNode> general = EntityMerger.merge(unordered, NOW);
            assertThat(inStep).as("round %d", round).isEqualTo(general);
            for (int i = 0; i < inStep.size(); i++)
                assertThat(inStep.get(i) == general.get(i)).as("round %d, entity %d passed through alike", round, i)
                        .isEqualTo(isInput(general.get(i), unordered));
        }
    }

    @Test
    void noSourcesOrOnlyEmptyOnesMergeToNothing() {
        assertThat(EntityMerger.merge(List.of(), NOW)).isEmpty();
        assertThat(EntityMerger.merge(List.of(src("a", Mode.INCLUSIVE), src("b", Mode.AUXILIARY)), NOW)).isEmpty();
    }

    private static boolean isInput(ObjectNode e, List<SourceEntities> sources) {
        for (SourceEntities s : sources) for (ObjectNode x : s.entities()) if (x == e) return true;
        return false;
    }

    @Test
    void factsTellOrderExpiryAndForm() {
        ObjectNode a = e("{\"id\":\"urn:t:1\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":1,\"expiresAt\":\"2026-12-01T00:00:00Z\"}}");
        ObjectNode b = e("{\"id\":\"urn:t:2\",\"type\":\"T\",\"expiresAt\":\"2026-11-30T00:00:00Z\"}");
        SourceEntities.Facts f = SourceEntities.Facts.of(List.of(a, b));
        assertThat(f.ids()).containsExactly("urn:t:1", "urn:t:2");
        assertThat(f.earliest()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(f.internal()).isTrue();
        assertThat(f.needsChecks(NOW)).isFalse();
        assertThat(f.needsChecks(Instant.parse("2026-11-30T00:00:00Z"))).isTrue();
        assertThat(SourceEntities.Facts.of(List.of(b, a)).ids()).isNull();
        assertThat(SourceEntities.Facts.of(List.of(a, a)).ids()).isNull();
        ObjectNode raw = (ObjectNode) Ngsi.JSON.createObjectNode().put("id", "urn:t:3").put("type", "T");
        raw.set(V + "v", Ngsi.JSON.createObjectNode().put("type", "Property").put("value", 1));
        assertThat(SourceEntities.Facts.of(List.of(raw)).internal()).isFalse();
        // past its expiry, the entity is dropped and the source takes the checking path
        assertThat(EntityMerger.merge(List.of(new SourceEntities("a", Mode.INCLUSIVE, List.of(a, b))), Instant.parse("2026-11-30T12:00:00Z")))
                .extracting(x -> x.get("id").asText()).containsExactly("urn:t:1");
    }
}
