package de.hanse.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path f = dir.resolve("node.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void readsYamlWithDefaults() throws Exception {
        NodeConfig c = loader.load(file("""
                name: city
                harvest:
                  sources:
                    - name: portal
                      url: https://example.org/catalog.ttl
                      maxRunTime: 30m
                auth: { enabled: false }
                """), Map.of());
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.dataDir()).isEqualTo("./data/city");
        assertThat(c.sparql().queryTimeout()).isEqualTo(Duration.ofSeconds(30));
        HarvestSourceConfig s = c.harvest().sources().get(0);
        assertThat(s.type()).isEqualTo("dcat");
        assertThat(s.maxRunTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.maxShrink()).isEqualTo(0.5);
    }

    @Test
    void environmentOverridesTheFile() throws Exception {
        NodeConfig c = loader.load(file("""
                name: city
                port: 8081
                peers:
                  - name: a
                    url: http://127.0.0.1:9000/
                auth: { enabled: false }
                """), Map.of("HANSE_PORT", "0", "HANSE_SPARQL__QUERY_TIMEOUT", "5s",
                "HANSE_PEERS__0__TIMEOUT", "PT2S", "HANSE_KEYCLOAK_URL", "ignored: not a config key", "PATH", "/bin"));
        assertThat(c.port()).isZero();
        assertThat(c.sparql().queryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.peers().get(0).timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.peers().get(0).sparql()).isEqualTo("http://127.0.0.1:9000/sparql");
    }

    @Test
    void unknownKeyNamesKeyAndFile() throws Exception {
        Path f = file("""
                name: city
                sparql:
                  queryTimeoutt: 5s
                """);
        assertThatThrownBy(() -> loader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("sparql.queryTimeoutt")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("sparql.queryTimeoutt"));
    }

    @Test
    void invalidValuesNameTheKey() throws Exception {
        assertThatThrownBy(() -> loader.load(file("name: city\nport: 70000\nauth: { enabled: false }\n"), Map.of()))
                .hasMessageContaining("port").hasMessageContaining("70000");
        assertThatThrownBy(() -> loader.load(file("name: city\nsparql: { queryTimeout: soon }\n"), Map.of()))
                .hasMessageContaining("sparql.queryTimeout").hasMessageContaining("soon");
        assertThatThrownBy(() -> loader.load(file("""
                name: city
                harvest: { sources: [ { name: x, url: "ftp://example.org/c.ttl" } ] }
                """), Map.of()))
                .hasMessageContaining("harvest.sources[x].url").hasMessageContaining("only http(s)");
        assertThatThrownBy(() -> loader.load(file("port: 8080\n"), Map.of())).hasMessageContaining("name").hasMessageContaining("required");
    }

    @Test
    void storeSectionDefaultsAndErrorsNameKeyAndFile() throws Exception {
        NodeConfig tdb = loader.load(file("name: city\nauth: { enabled: false }\n"), Map.of());
        assertThat(tdb.store().mode()).isEqualTo("tdb2");
        assertThat(tdb.inMemoryStore()).isFalse();

        NodeConfig remote = loader.load(file("""
                name: city
                auth: { enabled: false }
                store: { mode: remote, url: "http://fuseki.data.svc:3030/hanse/", writer: true }
                """), Map.of("HANSE_STORE__SYNC_INTERVAL", "5s"));
        assertThat(remote.store().query()).isEqualTo("http://fuseki.data.svc:3030/hanse/query");
        assertThat(remote.store().update()).isEqualTo("http://fuseki.data.svc:3030/hanse/update");
        assertThat(remote.store().timeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(remote.store().syncInterval()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(remote.store().writer()).isTrue();
        assertThat(remote.inMemoryStore()).as("a remote store's local replica is in memory").isTrue();

        storeRefused("{ mode: remote, url: 'http://x/hanse', writr: true }", "store.writr");
        storeRefused("{ mode: fuseki }", "store.mode", "tdb2, remote");
        storeRefused("{ mode: remote }", "store.url", "required");
        storeRefused("{ mode: remote, url: 'http://x/h', timeout: soon }", "store.timeout", "soon");
        storeRefused("{ url: 'http://x/h' }", "store.url", "only to mode remote");
    }

    /** A file with this {@code store} section fails to load, naming the file and each fragment. */
    private void storeRefused(String store, String... fragments) throws Exception {
        Path f = file("name: city\nauth: { enabled: false }\nstore: " + store + "\n");
        var thrown = assertThatThrownBy(() -> loader.load(f, Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining(f.toString());
        for (String fragment : fragments) thrown.hasMessageContaining(fragment);
    }

    @Test
    void recordErrorsNameTheKeyWhereItIs() throws Exception {
        assertThatThrownBy(() -> loader.load(file("name: city\nauth: { enabled: false }\npeers:\n  - { name: a, url: 'http://127.0.0.1:1/' }\n"
                + "  - { name: b, url: 'http://127.0.0.1:2/', auth: { mode: sometimes } }\n"), Map.of()))
                .hasMessageContaining("peers[1].auth.mode").hasMessageContaining("sometimes");
        assertThat(ConfigLoader.located("store.auth", "peers[].auth.mode")).isEqualTo("store.auth.mode");
        assertThat(ConfigLoader.located("harvest.sources[3]", "harvest.sources[hamburg].url")).isEqualTo("harvest.sources[hamburg].url");
        assertThat(ConfigLoader.located("", "port")).isEqualTo("port");
    }

    @Test
    void productionWithoutIssuerRefusesToStart() throws Exception {
        assertThatThrownBy(() -> loader.load(file("name: p\nauth: { enabled: true }\n"), Map.of()))
                .hasMessageContaining("auth.issuers").hasMessageContaining("refusing to start");
        assertThatThrownBy(() -> loader.load(file("name: p\nauth: { issuers: [ 'https://id.example.org/realms/x' ] }\n"), Map.of()))
                .hasMessageContaining("auth.enabled").hasMessageContaining("explicitly");
        assertThatThrownBy(() -> loader.load(file("name: p\n"), Map.of()))
                .hasMessageContaining("auth.enabled").hasMessageContaining("explicitly");
    }

    @Test
    void secretsAreNotPrinted() {
        PeerAuthConfig a = new PeerAuthConfig("client-credentials", "https://id.example.org/token", "node", null, "PEER_SECRET", null);
        assertThat(a.toString()).contains("env:PEER_SECRET").doesNotContain("secret=s3cr3t");
    }
}
