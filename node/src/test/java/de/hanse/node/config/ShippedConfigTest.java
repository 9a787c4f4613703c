package de.hanse.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.ConfigLoader;
import de.hanse.core.config.NodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every configuration the project ships under config/ loads and validates. */
class ShippedConfigTest {
    @Test
    void everyShippedConfigLoads() throws Exception {
        Path dir = Path.of("..", "config");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path f : files) {
            NodeConfig c = new ConfigLoader().load(f, Map.of());
            assertThat(c.name()).as(f.toString()).isNotBlank();
        }
        NodeConfig prod = new ConfigLoader().load(dir.resolve("production.yaml"), Map.of());
        assertThat(prod.auth().enabled()).isTrue();
        assertThat(prod.peers()).extracting(p -> p.auth().mode()).containsExactly("client-credentials", "relay");
    }
}
