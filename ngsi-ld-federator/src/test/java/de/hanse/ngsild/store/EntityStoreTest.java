package de.hanse.ngsild.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hanse.core.http.ProblemException;
import de.hanse.core.store.NodeStore;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityExpander;
import de.hanse.ngsild.model.Ngsi;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityStoreTest {
    static final String V = "https://uri.etsi.org/ngsi-ld/default-context/";

    static com.fasterxml.jackson.databind.node.ObjectNode e(String json) throws Exception {
        return EntityExpander.entity(Ngsi.JSON.readTree(json), LdContext.core(), Instant.now());
    }

    @Test
    void survivesARestartPerTenant(@TempDir Path dir) throws Exception {
        try (NodeStore ns = NodeStore.open(dir)) {
            EntityStore s = new EntityStore(ns);
            s.create("rostock", e("{\"id\":\"urn:p:1\",\"type\":\"Parking\",\"free\":5}"));
            s.create("", e("{\"id\":\"urn:p:2\",\"type\":\"Parking\"}"));
            s.writeAttrs("rostock", "urn:p:1", EntityExpander.attributes(Ngsi.JSON.readTree("{\"free\":7,\"total\":9}"),
                    LdContext.core(), Instant.now()), false, false, Instant.now());
        }
        try (NodeStore ns = NodeStore.open(dir)) {
            EntityStore s = new EntityStore(ns);
            assertThat(s.get("rostock", "urn:p:1").get(V + "free").get(0).get("value").asInt()).isEqualTo(7);
            assertThat(s.get("rostock", "urn:p:1").has(V + "total")).isTrue();
            assertThat(s.get("", "urn:p:2")).isNotNull();
            assertThat(s.get("", "urn:p:1")).isNull();
            s.requireTenant("rostock");
            assertThatThrownBy(() -> s.requireTenant("bremen")).isInstanceOf(ProblemException.class)
                    .satisfies(x -> assertThat(((ProblemException) x).problem().type()).endsWith("NonexistentTenant"));
        }
    }

    @Test
    void createTwiceIsAlreadyExistsAndUpdateSkipsMissingAttributes() throws Exception {
        try (NodeStore ns = NodeStore.inMemory()) {
            EntityStore s = new EntityStore(ns);
            s.create("", e("{\"id\":\"urn:p:1\",\"type\":\"Parking\",\"free\":5}"));
            assertThatThrownBy(() -> s.create("", e("{\"id\":\"urn:p:1\",\"type\":\"Parking\"}")))
                    .satisfies(x -> assertThat(((ProblemException) x).problem().status()).isEqualTo(409));
            var skipped = s.writeAttrs("", "urn:p:1", EntityExpander.attributes(Ngsi.JSON.readTree("{\"free\":6,\"nope\":1}"),
                    LdContext.core(), Instant.now()), true, false, Instant.now());
            assertThat(skipped).containsExactly(V + "nope");
            assertThat(s.get("", "urn:p:1").get(V + "free").get(0).get("value").asInt()).isEqualTo(6);
            s.deleteAttr("", "urn:p:1", V + "free", null, false, Instant.now());
            assertThat(s.get("", "urn:p:1").has(V + "free")).isFalse();
            s.delete("", "urn:p:1");
            assertThatThrownBy(() -> s.delete("", "urn:p:1")).satisfies(x -> assertThat(((ProblemException) x).problem().status()).isEqualTo(404));
        }
    }
}
