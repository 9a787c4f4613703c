package de.hanse.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a node's YAML configuration into an immutable {@link NodeConfig}.
 *
 * <p>Environment variables override the file: {@code HANSE_<KEY>[__<KEY>...]}, where each key is matched against
 * the YAML keys ignoring case, '_' and '-', and list items are addressed by index. Examples:
 * {@code HANSE_PORT=0}, {@code HANSE_SPARQL__QUERY_TIMEOUT=5s}, {@code HANSE_PEERS__0__URL=http://...}.
 * Variables whose first key is not a top-level configuration key are ignored.
 *
 * <p>Unknown keys and invalid values fail with a {@link ConfigException} naming the key and the file.
 * Durations accept ISO-8601 ({@code PT30S}) or a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 24h}, {@code 7d}). Thread-safe: stateless.
 */
public final class ConfigLoader {
    private static final String ENV_PREFIX = "HANSE_";
    private static final java.util.Set<String> TOP_LEVEL = java.util.Set.of(
            "name", "port", "bind", "baseurl", "datadir", "sparql", "catalogue", "harvest", "peers", "auth", "ngsild", "logging", "store");

    private final ObjectMapper yaml;

    public ConfigLoader() {
        SimpleModule durations = new SimpleModule("hanse-durations");
        durations.addDeserializer(Duration.class, new com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<>(Duration.class) {
            @Override
            public Duration deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return parseDuration(text);
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(p, e.getMessage());
                }
            }
        });
        this.yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(durations)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
    }

    /** Reads {@code file}, applies the process environment, validates. */
    public NodeConfig load(Path file) {
        return load(file, System.getenv());
    }

    public NodeConfig load(Path file, Map<String, String> env) {
        JsonNode tree;
        try {
            tree = yaml.readTree(Files.newBufferedReader(file));
        } catch (IOException e) {
            throw new ConfigException("", file + ": cannot read configuration: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) tree = yaml.createObjectNode();
        if (!tree.isObject()) throw new ConfigException("", file + ": the configuration must be a YAML mapping");
        return bind((ObjectNode) tree, env, file.toString());
    }

    /** Parses YAML text (used by tests and the demo); {@code origin} names it in messages. */
    public NodeConfig parse(String yamlText, Map<String, String> env, String origin) {
        try {
            JsonNode tree = yaml.readTree(yamlText);
            if (tree == null || tree.isMissingNode() || tree.isNull()) tree = yaml.createObjectNode();
            if (!tree.isObject()) throw new ConfigException("", origin + ": the configuration must be a YAML mapping");
            return bind((ObjectNode) tree, env, origin);
        } catch (IOException e) {
            throw new ConfigException("", origin + ": invalid YAML: " + e.getMessage(), e);
        }
    }

    private NodeConfig bind(ObjectNode tree, Map<String, String> env, String origin) {
        Map<String, String> sorted = new TreeMap<>(env);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!e.getKey().startsWith(ENV_PREFIX)) continue;
            String[] path = e.getKey().substring(ENV_PREFIX.length()).split("__");
            if (!TOP_LEVEL.contains(norm(path[0]))) continue;
            applyOverride(tree, path, e.getValue());
        }
        try {
            NodeConfig config = yaml.treeToValue(tree, NodeConfig.class);
            if (!tree.hasNonNull("auth"))
                throw new ConfigException("auth.enabled", origin + ": auth.enabled must be set explicitly (true in production "
                        + "with auth.issuers; false only for demos and tests); a configuration file never switches authentication off by omission");
            return config;
        } catch (UnrecognizedPropertyException e) {
            String key = path(e) ;
            throw new ConfigException(key, origin + ": unknown key '" + key + "'; known keys here: " + e.getKnownPropertyIds(), e);
        } catch (JsonMappingException e) {
            ConfigException cause = findCause(e);
            if (cause != null) {
                String key = located(path(e), cause.key());
                String message = cause.getMessage().startsWith(cause.key() + ":")
                        ? key + cause.getMessage().substring(cause.key().length()) : cause.getMessage();
                throw new ConfigException(key, origin + ": " + message, e);
            }
            String key = path(e);
            throw new ConfigException(key, origin + ": invalid value for '" + key + "': " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("", origin + ": " + e.getMessage(), e);
        }
    }

    private static ConfigException findCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof ConfigException ce) return ce;
        return null;
    }

    /**
     * The key a record constructor named ({@code peers[].auth.mode}, written for where the record usually sits)
     * placed where the record really is in this file ({@code store.auth} or {@code peers[2].auth}): the key's
     * segments after the one that matches the location's last segment are appended to the location (a named
     * element such as {@code sources[hamburg]} keeps its name).
     */
    static String located(String where, String key) {
        if (where.isEmpty()) return key;
        String[] segs = key.split("\\.");
        String last = bare(where.substring(where.lastIndexOf('.') + 1));
        for (int i = segs.length - 2; i >= 0; i--) {
            if (!bare(segs[i]).equals(last)) continue;
            // a segment the record named itself (sources[hamburg]) says more than Jackson's index (sources[3])
            String at = segs[i].contains("[") && !segs[i].endsWith("[]")
                    ? where.substring(0, where.lastIndexOf('.') + 1) + segs[i] : where;
            return at + "." + String.join(".", java.util.Arrays.copyOfRange(segs, i + 1, segs.length));
        }
        return where + "." + segs[segs.length - 1];
    }

    private static String bare(String segment) {
        int b = segment.indexOf('[');
        return b < 0 ? segment : segment.substring(0, b);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static String norm(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static void applyOverride(ObjectNode root, String[] path, String value) {
        JsonNode node = root;
        for (int i = 0; i < path.length; i++) {
            boolean last = i == path.length - 1;
            String seg = path[i];
            if (node instanceof ObjectNode obj) {
                String key = matchKey(obj, seg, i == 0);
                if (last) obj.set(key, new TextNode(value));
                else {
                    JsonNode child = obj.get(key);
                    if (child == null || child.isNull()) {
                        child = path[i + 1].chars().allMatch(Character::isDigit) ? obj.arrayNode() : obj.objectNode();
                        obj.set(key, child);
                    }
                    node = child;
                }
            } else if (node instanceof ArrayNode arr) {
                int idx;
                try {
                    idx = Integer.parseInt(seg);
                } catch (NumberFormatException ex) {
                    throw new ConfigException(String.join(".", path), "environment variable HANSE_" + String.join("__", path) + ": '" + seg + "' is not a list index");
                }
                while (arr.size() <= idx) arr.addObject();
                if (last) arr.set(idx, new TextNode(value));
                else node = arr.get(idx);
            } else {
                throw new ConfigException(String.join(".", path), "environment variable HANSE_" + String.join("__", path) + " addresses inside a scalar value");
            }
        }
    }

    /** Finds the existing key matching {@code seg}; otherwise a camelCase form of it (validated later by binding). */
    private static String matchKey(ObjectNode obj, String seg, boolean topLevel) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (norm(k).equals(norm(seg))) return k;
        }
        String[] words = seg.toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++)
            if (!words[i].isEmpty()) sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        String camel = sb.toString();
        if (topLevel && camel.equals("baseurl")) return "baseUrl";
        if (topLevel && camel.equals("datadir")) return "dataDir";
        return camel;
    }

    /** ISO-8601 or {@code <number><unit>} with unit ms, s, m, h, d. */
    public static Duration parseDuration(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty duration");
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. PT30S, 30s, 5m)");
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(t);
        if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. PT30S, 30s, 5m)");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
