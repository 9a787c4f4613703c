package de.hanse.ngsild.federation.selection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.federation.Via;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.query.EntityQuery;
import de.hanse.ngsild.registry.Operations;
import de.hanse.ngsild.registry.Registration;
import de.hanse.ngsild.registry.RegistrationCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceSelectorTest {
    static final String V = "https://uri.etsi.org/ngsi-ld/default-context/";

    static Registration reg(String json) throws Exception {
        ObjectNode doc = RegistrationCodec.expand(Ngsi.JSON.readTree(json), LdContext.core());
        doc.put("id", "urn:reg:" + Math.abs(json.hashCode()));
        return RegistrationCodec.toRegistration(doc);
    }

    static EntityQuery q(Map<String, String> p) {
        return EntityQuery.parse(p, LdContext.core(), 20, 1000, true);
    }

    static final String PARKING = "{\"type\":\"ContextSourceRegistration\",\"endpoint\":\"http://city-a/\",\"contextSourceAlias\":\"a\","
            + "\"information\":[{\"entities\":[{\"type\":\"Parking\"}],\"propertyNames\":[\"free\",\"total\"]}]}";
    static final String AIR = "{\"type\":\"ContextSourceRegistration\",\"endpoint\":\"http://city-b/\",\"contextSourceAlias\":\"b\","
            + "\"information\":[{\"entities\":[{\"type\":\"Air\",\"id\":\"urn:air:1\"}]}],\"operations\":[\"retrieveOps\"],"
            + "\"location\":{\"type\":\"Point\",\"coordinates\":[8.8,53.08]}}";

    @Test
    void restrictsEachSourceToWhatItOffers() throws Exception {
        Selection s = SourceSelector.forQuery(q(Map.of("type", "Parking,Air", "attrs", "free,name", "q", "free>1")),
                Operations.QUERY_ENTITY, List.of(reg(PARKING), reg(AIR)), Via.parse(null), 1000);
        assertThat(s.targets()).hasSize(2);
        Map<String, String> a = s.targets().get(0).params();
        assertThat(a.get("type")).isEqualTo(V + "Parking|" + V + "Air");
        assertThat(a.get("attrs")).isEqualTo(V + "free");
        assertThat(a.get("q")).isEqualTo("free>1");
        assertThat(a).containsEntry("limit", "1000").containsEntry("count", "true").containsEntry("options", "sysAttrs");
        Map<String, String> b = s.targets().get(1).params();
        assertThat(b.get("id")).isEqualTo("urn:air:1");
        assertThat(b.get("attrs")).isEqualTo(V + "free," + V + "name");
    }

    @Test
    void skipsWhatCannotMatch() throws Exception {
        List<Registration> regs = List.of(reg(PARKING), reg(AIR));
        assertThat(SourceSelector.forQuery(q(Map.of("type", "Bus")), Operations.QUERY_ENTITY, regs, Via.parse(null), 1000).targets()).isEmpty();
        assertThat(SourceSelector.forQuery(q(Map.of("type", "Parking", "attrs", "name")), Operations.QUERY_ENTITY, regs, Via.parse(null), 1000)
                .targets()).isEmpty();
        assertThat(SourceSelector.forQuery(q(Map.of("type", "Air", "id", "urn:air:2")), Operations.QUERY_ENTITY, regs, Via.parse(null), 1000)
                .targets()).isEmpty();
        // far from the registration's location (Rostock vs Bremen)
        assertThat(SourceSelector.forQuery(q(Map.of("type", "Air", "georel", "near;maxDistance==1000", "geometry", "Point",
                "coordinates", "[12.14,54.09]")), Operations.QUERY_ENTITY, regs, Via.parse(null), 1000).targets()).isEmpty();
        assertThat(SourceSelector.forQuery(q(Map.of("type", "Air", "georel", "near;maxDistance==1000", "geometry", "Point",
                "coordinates", "[8.801,53.08]")), Operations.QUERY_ENTITY, regs, Via.parse(null), 1000).targets()).hasSize(1);
        // retrieveOps do not include queryBatch
        assertThat(SourceSelector.forQuery(q(Map.of("type", "Air")), Operations.QUERY_BATCH, regs, Via.parse(null), 1000).targets()).isEmpty();
    }

    @Test
    void sourcesAlreadyInViaAreLoops() throws Exception {
        Selection s = SourceSelector.forQuery(q(Map.of("type", "Parking")), Operations.QUERY_ENTITY, List.of(reg(PARKING)),
                Via.parse("1.1 state, 1.1 a"), 1000);
        assertThat(s.targets()).isEmpty();
        assertThat(s.loops()).extracting(Registration::alias).containsExactly("a");
        assertThat(Via.parse("1.1 state").append("region")).isEqualTo("1.1 state, 1.1 region");
        assertThat(Via.parse(null).append("city")).isEqualTo("1.1 city");
    }
}
