package de.hanse.node.cli;

import de.hanse.core.config.NodeConfig;
import de.hanse.node.HanseNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run a node until stopped (Ctrl-C or SIGTERM).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        NodeConfig cfg = config.load();
        HanseNode node = HanseNode.start(cfg);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "hanse-shutdown"));
        System.out.println("node " + cfg.name() + ": " + node.baseUri());
        node.join();
        return 0;
    }
}
