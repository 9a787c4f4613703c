package de.hanse.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The manifests {@code helm template} renders from helm/hanse, parsed, with lookups by kind. */
final class Manifests {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path HELM_DIR = Path.of(System.getProperty("hanse.chart.dir", "../helm")).toAbsolutePath().normalize();
    static final Path CHART = HELM_DIR.resolve("hanse");

    final String text;
    final List<JsonNode> documents;

    private Manifests(String text, List<JsonNode> documents) {
        this.text = text;
        this.documents = documents;
    }

    /** Renders the chart as release {@code hanse} with the given values files and {@code --set} pairs. */
    static Manifests render(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand cmd = new Helm(CHART).template().withName("hanse").withNamespace("hanse");
        valuesFiles.forEach(cmd::withValuesFile);
        sets.forEach(cmd::set);
        return parse(cmd.call());
    }

    static Manifests render(Map<String, Object> sets) {
        return render(List.of(), sets);
    }

    static Manifests parse(String text) {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && n.hasNonNull("kind")) docs.add(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(text, docs);
    }

    List<JsonNode> all(String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    JsonNode one(String kind) {
        List<JsonNode> found = all(kind);
        assertThat(found).as("exactly one %s", kind).hasSize(1);
        return found.get(0);
    }

    JsonNode deployment() {
        return one("Deployment");
    }

    JsonNode container() {
        return deployment().at("/spec/template/spec/containers/0");
    }

    /** The node configuration file in the ConfigMap. */
    String nodeConfigYaml() {
        return one("ConfigMap").at("/data/hanse.yaml").asText();
    }

    JsonNode nodeConfig() {
        try {
            return YAML.readTree(nodeConfigYaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pod volume named {@code name}. */
    JsonNode volume(String name) {
        for (JsonNode v : deployment().at("/spec/template/spec/volumes")) if (v.path("name").asText().equals(name)) return v;
        throw new AssertionError("no volume " + name);
    }

    /** The container's mount of volume {@code name}. */
    JsonNode mount(String name) {
        for (JsonNode m : container().path("volumeMounts")) if (m.path("name").asText().equals(name)) return m;
        throw new AssertionError("no volume mount " + name);
    }
}
