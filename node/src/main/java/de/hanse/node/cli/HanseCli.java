package de.hanse.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hanse} command line. Exit codes (also in {@code --help}): 0 success; 1 the work failed (a harvest
 * failed, a document is invalid, a query failed); 2 wrong usage; 3 invalid configuration.
 */
@Command(name = "hanse", mixinStandardHelpOptions = true, version = "Hanse 0.1.0",
        description = "Federation node for urban data platforms: DCAT-AP harvesting, SPARQL and NGSI-LD federation.",
        subcommands = {ServeCommand.class, HarvestCommand.class, QueryCommand.class, ValidateCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the work failed (harvest failed, document invalid, query failed)",
                "2:wrong usage", "3:invalid configuration"})
public final class HanseCli {
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CONFIG = 3;

    public static void main(String[] args) {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new HanseCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof de.hanse.core.config.ConfigException ce) {
                cmd.getErr().println("configuration error: " + ce.getMessage());
                return CONFIG;
            }
            cmd.getErr().println("error: " + ex.getMessage());
            return FAILED;
        });
        return cli.execute(args);
    }
}
