package de.hanse.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.core.config.ConfigLoader;
import de.hanse.core.config.NodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** helm/values-state.yaml and helm/values-city.yaml render to manifests the node accepts; secrets stay in Secrets. */
class ExampleValuesTest {
    private static final Path STATE = Manifests.HELM_DIR.resolve("values-state.yaml");
    private static final Path CITY = Manifests.HELM_DIR.resolve("values-city.yaml");

    @TempDir
    Path dir;

    @Test
    void stateNodeReferencesClientSecretsFromSecretsAndNeverInlinesThem() {
        Manifests m = Manifests.render(List.of(STATE), Map.of());
        assertThat(m.all("Secret")).as("the chart creates no Secret; operators create them").isEmpty();

        JsonNode kiel = m.volume("peer-secret-kiel");
        assertThat(kiel.at("/secret/secretName").asText()).isEqualTo("hanse-kiel-client");
        assertThat(kiel.at("/secret/items/0/key").asText()).isEqualTo("client-secret");
        assertThat(kiel.at("/secret/defaultMode").asInt()).as("group-readable for fsGroup, nothing for others").isEqualTo(0440);
        assertThat(m.mount("peer-secret-kiel").path("mountPath").asText()).isEqualTo("/etc/hanse/secrets/kiel");
        assertThat(m.mount("peer-secret-kiel").path("readOnly").asBoolean()).isTrue();

        NodeConfig cfg = new ConfigLoader().parse(m.nodeConfigYaml(), Map.of(), "configmap");
        assertThat(cfg.name()).isEqualTo("land-sh");
        assertThat(cfg.peers()).extracting(p -> p.auth().clientSecretFile())
                .containsExactly("/etc/hanse/secrets/kiel/client-secret", "/etc/hanse/secrets/luebeck/client-secret");
        assertThat(cfg.baseUrl()).isEqualTo("https://daten.land-sh.example/");
        assertThat(cfg.dataDir()).isEqualTo("/var/lib/hanse/data");
        assertThat(cfg.harvest().sources()).hasSize(2);
        assertThat(m.nodeConfigYaml()).doesNotContainIgnoringCase("clientSecret:");

        assertThat(m.one("ServiceMonitor").at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
        assertThat(m.one("NetworkPolicy")).isNotNull();
        assertThat(m.one("Ingress").at("/spec/tls/0/secretName").asText()).isEqualTo("daten-land-sh-tls");
        assertThat(m.one("PersistentVolumeClaim").at("/spec/storageClassName").asText()).isEqualTo("ssd");
    }

    @Test
    void cityNodeRendersForK3s() {
        Manifests m = Manifests.render(List.of(CITY), Map.of());
        NodeConfig cfg = new ConfigLoader().parse(m.nodeConfigYaml(), Map.of(), "configmap");
        assertThat(cfg.name()).isEqualTo("kiel");
        assertThat(cfg.auth().enabled()).isTrue();
        assertThat(cfg.peers()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo("ngsi-ld"));
        assertThat(m.one("Ingress").at("/spec/ingressClassName").asText()).isEqualTo("traefik");
        assertThat(m.one("PersistentVolumeClaim").at("/spec/storageClassName").asText()).isEqualTo("local-path");
        assertThat(m.all("HorizontalPodAutoscaler")).isEmpty();
        assertThat(m.container().at("/resources/limits/memory").asText()).isEqualTo("1536Mi");
    }

    @Test
    void refusesAnInlineClientSecret() throws Exception {
        Path values = Files.writeString(dir.resolve("inline.yaml"), """
                config:
                  peers:
                    - name: kiel
                      url: https://daten.kiel.example/
                      auth:
                        mode: client-credentials
                        tokenUrl: https://login.kiel.example/token
                        clientId: hanse
                        clientSecret: do-not-put-me-here
                """);
        assertThatThrownBy(() -> Manifests.render(List.of(values), Map.of()))
                .hasMessageContaining("never put secrets into values")
                .hasMessageNotContaining("do-not-put-me-here");
    }

    @Test
    void refusesASecretForAnUnknownPeer() {
        assertThatThrownBy(() -> Manifests.render(List.of(CITY), Map.of("peerSecrets.nobody.secretName", "s", "peerSecrets.nobody.key", "k")))
                .hasMessageContaining("no peer named nobody");
    }
}
