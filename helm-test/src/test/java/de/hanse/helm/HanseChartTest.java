package de.hanse.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import de.hanse.core.config.ConfigException;
import de.hanse.core.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lints helm/hanse and asserts on the manifests it renders with its default values and each toggle. */
class HanseChartTest {

    @Test
    void chartLintsCleanInStrictMode() {
        LintResult lint = new Helm(Manifests.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as("lint messages: %s", lint.getMessages()).isFalse();
    }

    @Test
    void probesUseTheNodesHealthEndpoints() {
        JsonNode c = Manifests.render(Map.of()).container();
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(c.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void runsAsNonRootWithAReadOnlyRootFilesystem() {
        Manifests m = Manifests.render(Map.of());
        JsonNode pod = m.deployment().at("/spec/template/spec/securityContext");
        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("runAsUser").asInt()).isPositive();
        assertThat(pod.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        JsonNode c = m.container().path("securityContext");
        assertThat(c.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(c.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(c.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
        // the only writable paths: /tmp (emptyDir) and the data volume
        assertThat(m.mount("tmp").path("mountPath").asText()).isEqualTo("/tmp");
        assertThat(m.volume("tmp").has("emptyDir")).isTrue();
        assertThat(m.deployment().at("/spec/template/spec/automountServiceAccountToken").asBoolean(true)).isFalse();
    }

    @Test
    void configIsRenderedIntoTheConfigMapAndMountedWhereTheNodeReadsIt() {
        Manifests m = Manifests.render(Map.of());
        JsonNode cm = m.one("ConfigMap");
        assertThat(m.volume("config").at("/configMap/name").asText()).isEqualTo(cm.at("/metadata/name").asText());
        assertThat(m.mount("config").path("mountPath").asText()).isEqualTo("/etc/hanse/hanse.yaml");
        assertThat(m.mount("config").path("readOnly").asBoolean()).isTrue();
        assertThat(m.container().path("args").toString()).isEqualTo("[\"serve\",\"--config\",\"/etc/hanse/hanse.yaml\"]");
        assertThat(m.deployment().at("/spec/template/metadata/annotations/checksum~1config").asText()).hasSize(64);

        JsonNode cfg = m.nodeConfig();
        assertThat(cfg.path("port").asInt()).isEqualTo(8080);
        assertThat(cfg.path("bind").asText()).isEqualTo("0.0.0.0");
        assertThat(cfg.path("dataDir").asText()).isEqualTo("/var/lib/hanse/data");
        // the default config is secure by default: the node refuses to start until issuers are configured
        assertThatThrownBy(() -> new ConfigLoader().parse(m.nodeConfigYaml(), Map.of(), "configmap"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.issuers");
    }

    @Test
    void tdb2LivesOnAPersistentVolumeWithOneWriter() {
        Manifests m = Manifests.render(Map.of());
        JsonNode pvc = m.one("PersistentVolumeClaim");
        assertThat(pvc.at("/spec/resources/requests/storage").asText()).isEqualTo("10Gi");
        assertThat(pvc.at("/metadata/annotations/helm.sh~1resource-policy").asText()).isEqualTo("keep");
        assertThat(m.volume("data").at("/persistentVolumeClaim/claimName").asText()).isEqualTo(pvc.at("/metadata/name").asText());
        assertThat(m.mount("data").path("mountPath").asText()).isEqualTo("/var/lib/hanse");
        assertThat(m.deployment().at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(m.deployment().at("/spec/strategy/type").asText()).isEqualTo("Recreate");
    }

    @Test
    void optionalResourcesAreOffByDefault() {
        Manifests m = Manifests.render(Map.of());
        for (String kind : new String[] {"Ingress", "HorizontalPodAutoscaler", "ServiceMonitor", "NetworkPolicy", "Secret", "PodDisruptionBudget"})
            assertThat(m.all(kind)).as(kind).isEmpty();
        assertThat(m.one("Service").at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    }

    @Test
    void togglesRenderIngressHpaServiceMonitorAndNetworkPolicy() {
        Manifests m = Manifests.render(Map.of(
                "persistence.enabled", false,
                "autoscaling.enabled", true,
                "serviceMonitor.enabled", true,
                "networkPolicy.enabled", true,
                "ingress.enabled", true,
                "ingress.hosts[0].host", "daten.example.de"));
        assertThat(m.one("HorizontalPodAutoscaler").at("/spec/scaleTargetRef/name").asText()).isEqualTo("hanse");
        assertThat(m.one("PodDisruptionBudget").at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(m.deployment().at("/spec").has("replicas")).as("the HPA owns replicas").isFalse();
        assertThat(m.all("PersistentVolumeClaim")).isEmpty();
        assertThat(m.nodeConfig().path("dataDir").asText()).isEqualTo("memory");
        JsonNode sm = m.one("ServiceMonitor");
        assertThat(sm.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
        assertThat(sm.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
        JsonNode np = m.one("NetworkPolicy");
        assertThat(np.at("/spec/ingress/0/ports/0/port").asText()).isEqualTo("http");
        assertThat(np.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("hanse");
        JsonNode ing = m.one("Ingress");
        assertThat(ing.at("/spec/rules/0/host").asText()).isEqualTo("daten.example.de");
        assertThat(ing.at("/spec/rules/0/http/paths/0/backend/service/port/name").asText()).isEqualTo("http");
        assertThat(m.nodeConfig().path("baseUrl").asText()).isEqualTo("http://daten.example.de/");
    }

    @Test
    void refusesSeveralTdb2Writers() {
        assertThatThrownBy(() -> Manifests.render(Map.of("replicaCount", 2)))
                .hasMessageContaining("exactly one replica");
        assertThatThrownBy(() -> Manifests.render(Map.of("autoscaling.enabled", true)))
                .hasMessageContaining("exactly one replica");
    }

    @Test
    void refusesHarvestsInScaledReplicas() {
        assertThatThrownBy(() -> Manifests.render(Map.of("persistence.enabled", false, "replicaCount", 3,
                "config.harvest.sources[0].name", "kiel", "config.harvest.sources[0].url", "https://kiel.example/dcat")))
                .hasMessageContaining("single writer");
    }

    @Test
    void remoteStoreRunsReadReplicasWithoutAVolumeAndTheHarvestJobAsTheOnlyWriter() {
        Manifests m = Manifests.render(Map.of("store.mode", "remote", "store.url", "http://fuseki.data.svc:3030/hanse", "replicaCount", 3,
                "config.auth.enabled", false, "config.store.syncInterval", "10s",
                "config.harvest.sources[0].name", "kiel", "config.harvest.sources[0].url", "https://kiel.example/dcat"));
        assertThat(m.deployment().at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(m.deployment().at("/spec/strategy/type").asText()).as("rolling updates: no volume to hand over").isNotEqualTo("Recreate");
        assertThat(m.all("PersistentVolumeClaim")).isEmpty();
        assertThat(m.one("PodDisruptionBudget").at("/spec/minAvailable").asInt()).isEqualTo(1);

        de.hanse.core.config.NodeConfig cfg = new ConfigLoader().parse(m.nodeConfigYaml(), Map.of(), "configmap");
        assertThat(cfg.store().remote()).isTrue();
        assertThat(cfg.store().query()).isEqualTo("http://fuseki.data.svc:3030/hanse/query");
        assertThat(cfg.store().writer()).as("replicas never write").isFalse();
        assertThat(cfg.store().syncInterval()).isEqualTo(java.time.Duration.ofSeconds(10));

        JsonNode job = m.one("CronJob");
        assertThat(job.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
        JsonNode pod = job.at("/spec/jobTemplate/spec/template/spec");
        assertThat(pod.at("/containers/0/args").toString()).isEqualTo("[\"harvest\",\"--config\",\"/etc/hanse/hanse.yaml\"]");
        assertThat(pod.at("/volumes/0/configMap/name").asText()).isEqualTo(m.one("ConfigMap").at("/metadata/name").asText());
        assertThat(pod.at("/containers/0/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(Manifests.render(Map.of()).all("CronJob")).as("no job with the default TDB2 store").isEmpty();
    }

    @Test
    void refusesARemoteStoreWithoutUrlOrWithWritingReplicas() {
        assertThatThrownBy(() -> Manifests.render(Map.of("store.mode", "remote"))).hasMessageContaining("store.url is required");
        assertThatThrownBy(() -> Manifests.render(Map.of("store.mode", "remote", "store.url", "http://fuseki:3030/hanse", "config.store.writer", true)))
                .hasMessageContaining("never write");
        assertThatThrownBy(() -> Manifests.render(Map.of("store.mode", "fuseki"))).hasMessageContaining("not one of tdb2, remote");
    }
}
