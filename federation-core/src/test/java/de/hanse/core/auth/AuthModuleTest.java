package de.hanse.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.hanse.core.config.AuthConfig;
import de.hanse.core.config.ConfigException;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The module as the node assembles it: discovered, configured on a real Fuseki builder, started. */
class AuthModuleTest {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AuthModule.class);
    private final OutboundHttp http = new OutboundHttp(2);
    private FusekiServer server;

    @BeforeEach
    void capture() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(logs);
        if (server != null) server.stop();
        http.close();
    }

    private NodeContext context(AuthConfig auth) {
        return new NodeContext(NodeConfig.inMemory("n").withAuth(auth), null, http,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null, () -> URI.create("http://127.0.0.1:1/"));
    }

    private int assemble(NodeContext ctx) throws Exception {
        AuthModule module = new AuthModule();
        FusekiServer.Builder b = FusekiServer.create().port(0).loopback(true).enablePing(false);
        module.configure(ctx, new ResourceConfig(), b);
        server = b.addServlet("/*", new AuthFilterTest.Echo()).build().start();
        module.start(ctx);
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort() + "/api/harvest"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void isDiscoveredAndAssembledFirst() {
        List<String> names = ServiceLoader.load(NodeModule.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("auth");
        assertThat(new AuthModule().order()).isEqualTo(100);
    }

    @Test
    void saysLoudlyWhenAuthenticationIsOff() throws Exception {
        assertThat(assemble(context(AuthConfig.disabled()))).isEqualTo(200);
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).startsWith("AUTHENTICATION IS OFF");
        });
    }

    @Test
    void guardsEveryPathWhenOn() throws Exception {
        try (TestIssuer idp = TestIssuer.start("r")) {
            assertThat(assemble(context(new AuthConfig(true, List.of(idp.issuer()), null, null, null, null, null, null)))).isEqualTo(401);
            assertThat(logs.list).noneSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
        }
    }

    @Test
    void refusesToStartWithASymmetricAlgorithm() {
        var auth = new AuthConfig(true, List.of("https://id.example.org/realms/x"), null, List.of("HS256"), null, null, null, null);
        assertThatThrownBy(() -> new AuthModule().configure(context(auth), new ResourceConfig(), FusekiServer.create()))
                .isInstanceOf(ConfigException.class);
    }
}
