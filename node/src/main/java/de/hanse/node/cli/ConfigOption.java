package de.hanse.node.cli;

import de.hanse.core.config.ConfigLoader;
import de.hanse.core.config.NodeConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by the commands that run a configured node. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "the node's YAML configuration (see config/); HANSE_* environment variables override it")
    Path file;

    NodeConfig load() {
        return new ConfigLoader().load(file);
    }
}
