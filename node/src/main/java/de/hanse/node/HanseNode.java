package de.hanse.node;

import de.hanse.core.config.NodeConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.http.ProblemMappers;
import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import de.hanse.core.store.NodeStore;
import de.hanse.core.store.remote.RemoteStore;
import de.hanse.core.store.remote.RemoteStoreModule;
import de.hanse.node.health.HealthResource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Hanse node and its composition root: the only place where the node's long-lived services (store,
 * outbound HTTP, metrics, scheduler) and its {@link NodeModule}s are created and wired.
 *
 * <p>Assembly runs in fixed phases: create services; every module's {@code configure} (Jersey resources, Fuseki
 * filters); build one Jetty via Fuseki main's builder with SPARQL at {@code /sparql} and Jersey as the servlet behind
 * it: Fuseki's filter serves the {@code /sparql} dataset and passes every other path on to Jersey; start; every module's {@code start}.
 * {@link #close()} undoes it in reverse. Thread-safe after {@link #start}.
 */
public final class HanseNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HanseNode.class);

    private final NodeConfig config;
    private final NodeContext context;
    private final List<NodeModule> modules;
    private final FusekiServer server;
    private final OutboundHttp http;
    private final ScheduledExecutorService scheduler;
    private final AtomicReference<URI> baseUri;
    private final boolean ownsStore;

    private HanseNode(NodeConfig config, NodeStore store, boolean ownsStore, List<NodeModule> modules) {
        this.config = config;
        this.ownsStore = ownsStore;
        this.modules = modules;
        this.http = new OutboundHttp(32);
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "hanse-scheduler-" + config.name());
            t.setDaemon(true);
            return t;
        });
        this.baseUri = new AtomicReference<>();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().commonTags("node", config.name());
        this.context = new NodeContext(config, store, http, metrics, scheduler, () -> {
            URI u = baseUri.get();
            if (u == null) throw new IllegalStateException("node not started yet");
            return u;
        });

        ResourceConfig jersey = new ResourceConfig();
        jersey.register(JacksonFeature.class);
        jersey.register(de.hanse.core.http.JsonProvider.class);
        ProblemMappers.all().forEach(jersey::register);
        jersey.register(new HealthResource(store, modules));
        jersey.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        jersey.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // answers up to 256 KiB go out with Content-Length: a chunked answer cost a JDK HttpClient peer ~15 ms each
        jersey.property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 256 * 1024);

        FusekiServer.Builder builder = FusekiServer.create()
                .port(config.port())
                .loopback(isLoopback(config.bind()))
                .enablePing(false)
                .enableStats(false)
                .verbose(false);
        SparqlEndpoint.configure(builder, store, config.sparql());
        for (NodeModule m : modules) m.configure(context, jersey, builder);
        wireCatalogueListeners(modules);
        builder.addServlet("/*", new ServletContainer(jersey));
        this.server = builder.build();
    }

    /**
     * Every module that keeps a derived index of the catalogue hears about each committed harvest, and, on a read
     * replica of a remote store, about each sync that replaced datasets.
     */
    private static void wireCatalogueListeners(List<NodeModule> modules) {
        List<de.hanse.harvest.pipeline.CatalogueListener> listeners = modules.stream()
                .filter(de.hanse.harvest.pipeline.CatalogueListener.class::isInstance).map(de.hanse.harvest.pipeline.CatalogueListener.class::cast).toList();
        modules.stream().filter(de.hanse.harvest.HarvestModule.class::isInstance).map(de.hanse.harvest.HarvestModule.class::cast)
                .findFirst().ifPresent(h -> listeners.forEach(h.service()::addListener));
        modules.stream().filter(RemoteStoreModule.class::isInstance).map(RemoteStoreModule.class::cast).map(RemoteStoreModule::sync)
                .filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(sync -> listeners.forEach(l -> sync.addListener(datasets -> l.recordsChanged("remote", datasets, java.util.Set.of()))));
    }

    /** Builds and starts a node with the modules found on the class path. */
    public static HanseNode start(NodeConfig config) {
        NodeStore store = config.store().remote() ? NodeStore.replicaOf(new RemoteStore(config.store(), config.name()))
                : config.inMemoryStore() ? NodeStore.inMemory() : NodeStore.open(config.dataPath());
        HanseNode node;
        try {
            node = new HanseNode(config, store, true, discoverModules());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return node.startServer();
    }

    /** All {@link NodeModule}s on the class path in their assembly order. */
    public static List<NodeModule> discoverModules() {
        List<NodeModule> found = new ArrayList<>();
        ServiceLoader.load(NodeModule.class).forEach(found::add);
        found.sort(Comparator.comparingInt(NodeModule::order).thenComparing(NodeModule::name));
        return List.copyOf(found);
    }

    private HanseNode startServer() {
        try {
            server.start();
            String base = config.baseUrl() != null ? config.baseUrl() : "http://" + hostFor(config.bind()) + ":" + server.getHttpPort() + "/";
            baseUri.set(URI.create(base.endsWith("/") ? base : base + "/"));
            for (NodeModule m : modules) m.start(context);
            LOG.info("node {} listening on {} with modules {}", config.name(), baseUri.get(), modules.stream().map(NodeModule::name).toList());
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static boolean isLoopback(String bind) {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
    }

    private static String hostFor(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("localhost") ? "127.0.0.1" : bind;
    }

    public NodeConfig config() {
        return config;
    }

    public NodeContext context() {
        return context;
    }

    public URI baseUri() {
        return baseUri.get();
    }

    public int port() {
        return server.getHttpPort();
    }

    /** The module of the given class, for tests and the CLI. */
    public <T extends NodeModule> T module(Class<T> type) {
        return modules.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no module " + type.getSimpleName() + " on the class path"));
    }

    public void join() {
        server.join();
    }

    @Override
    public void close() {
        for (int i = modules.size() - 1; i >= 0; i--) {
            try {
                modules.get(i).stop();
            } catch (RuntimeException e) {
                LOG.warn("module {} failed to stop: {}", modules.get(i).name(), e.toString());
            }
        }
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.warn("server stop: {}", e.toString());
        }
        scheduler.shutdownNow();
        http.close();
        context.metrics().close();
        if (ownsStore) context.store().close();
    }
}
