package de.hanse.node.cli;

import de.hanse.node.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a state node and two city nodes (Rostock, Bremen) on loopback in one process, each city",
                "serving a bundled real catalogue; the state node harvests both. Prints the URLs and example queries.",
                "Authentication is OFF in the demo. Stop with Ctrl-C."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080",
            description = "state node port; the cities take the next two (default ${DEFAULT-VALUE}; 0 = any free ports)")
    int port;

    @Option(names = "--self-check", description = "run the example queries, check their answers and exit (0 = all good)")
    boolean selfCheck;

    @Override
    public Integer call() throws Exception {
        quietLogs();
        Demo demo = Demo.start(port, System.out);
        if (selfCheck) {
            boolean ok;
            try {
                ok = demo.selfCheck(System.out);
            } finally {
                demo.close();
            }
            return ok ? 0 : HanseCli.FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "hanse-demo-shutdown"));
        demo.join();
        return 0;
    }

    /** The demo prints its own summary; per-request and per-run log lines would bury it (HANSE_LOG_LEVEL overrides). */
    private static void quietLogs() {
        if (System.getenv("HANSE_LOG_LEVEL") != null) return;
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext lc)
            lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
    }
}
