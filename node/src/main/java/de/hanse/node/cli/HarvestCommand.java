package de.hanse.node.cli;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.ConfigLoader;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.config.StoreConfig;
import de.hanse.core.store.NodeStore;
import de.hanse.core.store.remote.RemoteStore;
import de.hanse.core.store.remote.RemoteSync;
import de.hanse.harvest.HarvestReport;
import de.hanse.harvest.HarvestService;
import de.hanse.harvest.Validators;
import de.hanse.harvest.source.PageSources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = {"Harvest DCAT-AP sources into the node's TDB2 store, either the sources of a configuration",
                "  hanse harvest --config config/state.yaml [--source NAME]",
                "(with store.mode remote this is the store's writer: the harvest job of a scaled-out deployment),",
                "or one-off documents (URLs or files, Hydra pages followed) into a data directory",
                "  hanse harvest https://example.org/catalog.ttl ./catalog.rdf --data ./data/mine"})
final class HarvestCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "node configuration whose sources to harvest")
        Path config;
        @Option(names = "--data", paramLabel = "DIR", description = "TDB2 directory for one-off harvests of the given URLs/files")
        Path data;
    }

    @Option(names = "--source", paramLabel = "NAME", description = "only this configured source")
    String source;

    @Option(names = "--force", description = "delete vanished records even when the source shrank more than maxShrink")
    boolean force;

    @Parameters(paramLabel = "URL|FILE", arity = "0..*", description = "documents to harvest (with --data)")
    List<String> locations = new ArrayList<>();

    @Override
    public Integer call() {
        List<HarvestSourceConfig> sources;
        Path dataDir;
        StoreConfig remote = null;
        if (target.config != null) {
            if (!locations.isEmpty()) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give either --config or URLs with --data, not both");
            NodeConfig cfg = new ConfigLoader().load(target.config);
            if (cfg.store().remote()) remote = cfg.store().asWriter();
            else if (cfg.inMemoryStore()) throw new de.hanse.core.config.ConfigException("dataDir", target.config + ": dataDir is 'memory'; a harvest from the CLI needs a directory");
            sources = source == null ? cfg.harvest().sources()
                    : List.of(cfg.harvest().source(source).orElseThrow(() -> new de.hanse.core.config.ConfigException("harvest.sources",
                            target.config + ": no source named '" + source + "'")));
            dataDir = cfg.dataPath();
        } else {
            if (locations.isEmpty()) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give at least one URL or file to harvest");
            sources = new ArrayList<>();
            for (String loc : locations) sources.add(HarvestSourceConfig.dcat(nameFor(loc), loc));
            dataDir = target.data;
        }
        boolean allOk = true;
        try (NodeStore store = remote != null ? remoteWriter(remote) : NodeStore.open(dataDir); OutboundHttp http = new OutboundHttp(4);
             HarvestService service = new HarvestService(store, http, PageSources.standard(), Validators.standard(), Clock.systemUTC())) {
            for (HarvestSourceConfig s : sources) {
                Progress progress = new Progress(System.err, s.name());
                HarvestReport r = service.run(s, force, progress);
                progress.done();
                System.out.println(r.summary());
                r.recordErrors().stream().limit(10).forEach(e -> System.out.println("  " + e.iri() + ": " + e.reason()));
                allOk &= r.succeeded();
            }
        }
        return allOk ? 0 : HanseCli.FAILED;
    }

    /**
     * The harvest job over a remote store: takes the writer generation (fencing any earlier writer), then brings a
     * fresh in-memory replica up to the store, so each run's diff starts from the shared state.
     */
    private static NodeStore remoteWriter(StoreConfig config) {
        NodeStore store = NodeStore.replicaOf(new RemoteStore(config, "harvest-job"));
        try {
            RemoteStore remote = store.remote().orElseThrow();
            remote.publisher().acquire();
            int units = new RemoteSync(store, remote.sparql(), remote.publisher()).syncOnce();
            System.err.println("remote store " + config.query() + ": writer generation " + remote.publisher().generation() + ", " + units + " units read");
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A source name from a URL or file name: its last path segment without extension. */
    static String nameFor(String location) {
        String s = location.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        s = s.substring(s.lastIndexOf('/') + 1);
        int dot = s.indexOf('.');
        if (dot > 0) s = s.substring(0, dot);
        s = s.replaceAll("[^A-Za-z0-9_.-]", "-");
        return s.isEmpty() ? "source" : s.length() > 60 ? s.substring(0, 60) : s;
    }
}
