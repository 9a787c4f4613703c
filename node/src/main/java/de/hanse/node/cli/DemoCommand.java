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
}
