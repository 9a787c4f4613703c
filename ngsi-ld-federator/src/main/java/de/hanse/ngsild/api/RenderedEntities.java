package de.hanse.ngsild.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityRenderer;
import de.hanse.ngsild.model.Format;
import de.hanse.ngsild.model.Ngsi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The serialized form of stored entities, per entity object, requester context, representation and media type, so
 * that a node answering the same queries again (a peer asked by its state node for every federated query) renders
 * each unchanged entity once. The store never changes an entity object in place (a write replaces it), so an
 * entity is recognised by identity and a changed entity is simply a new key; the requester context is compared by
 * identity too (the resolver hands out one object per context). Only for pages of stored entities as they are (no
 * projection, no merge with remote answers) and without attribute policies (which depend on the caller).
 * Bounded at 32 MiB of serialized entities (cache {@code ngsild-rendered-entities}). Thread-safe.
 */
final class RenderedEntities {
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    /** An entity and a context by identity; the format and media type by value. */
    private record Key(ObjectNode entity, LdContext context, Format format, boolean ld) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.entity == entity && k.context == context && k.ld == ld && k.format.equals(format);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(entity) * 31 + System.identityHashCode(context)) * 31 + format.hashCode() * 2 + (ld ? 1 : 0);
        }
    }

    private final Cache<Key, byte[]> cache = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            // the serialized bytes, plus about as much again for the key's hold on a replaced entity object
            .weigher((Key k, byte[] v) -> 2 * v.length + 64).recordStats().build();

    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "ngsild-rendered-entities");
    }

    /**
     * The JSON array of the entities as {@link EntityRenderer} renders them, each with {@code "@context": contextUrl}
     * when {@code ld}: the same bytes as serializing the array of rendered entities.
     */
    byte[] page(List<ObjectNode> entities, LdContext ctx, Format format, boolean ld, String contextUrl) {
        byte[][] parts = new byte[entities.size()][];
        int size = 2 + Math.max(0, entities.size() - 1);
        for (int i = 0; i < parts.length; i++) {
            ObjectNode e = entities.get(i);
            parts[i] = cache.get(new Key(e, ctx, format, ld), k -> render(e, ctx, format, ld, contextUrl));
            size += parts[i].length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write('[');
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) out.write(',');
            out.writeBytes(parts[i]);
        }
        out.write(']');
        return out.toByteArray();
    }

    private static byte[] render(ObjectNode e, LdContext ctx, Format format, boolean ld, String contextUrl) {
        ObjectNode r = EntityRenderer.render(e, ctx, format);
        if (ld) r.put("@context", contextUrl);
        try {
            return Ngsi.JSON.writeValueAsBytes(r);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("an entity tree does not serialize", x);
        }
    }
}
