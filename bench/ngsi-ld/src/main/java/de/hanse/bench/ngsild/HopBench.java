package de.hanse.bench.ngsild;

import de.hanse.core.config.NodeConfig;
import de.hanse.node.HanseNode;
import java.net.URI;
import java.net.http.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

/**
 * The cost of one hop through a state node, and of the JDK {@code HttpClient}'s blocking against its asynchronous
 * send and against Apache HttpClient 5's blocking client: a peer with {@code entities} (default 1) entities, a state
 * registering it, 1,000 sequential requests (after 300 warm-up ones) per line, p50 and the JVM's CPU per call, two
 * rounds (the second is the warm one). Run: {@code mvn -q -o exec:java -Dbench.main=de.hanse.bench.ngsild.HopBench}.
 */
public final class HopBench {
    public static void main(String[] a) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        HanseNode peer = HanseNode.start(NodeConfig.inMemory("peer"));
        HanseNode state = HanseNode.start(NodeConfig.inMemory("state"));
        HttpClient c = HttpClient.newBuilder().build();
        HttpClient c2 = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).version(HttpClient.Version.HTTP_1_1).build();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Integer.getInteger("entities", 1); i++)
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"urn:ngsi-ld:T:" + i + "\",\"type\":\"T\",\"v\":{\"type\":\"Property\",\"value\":1,\"observedAt\":\"2026-11-28T10:00:00Z\"},\"location\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[8.1,53.2]}}}");
        String ent = sb.append("]").toString();
        c.send(HttpRequest.newBuilder(peer.baseUri().resolve("ngsi-ld/v1/entityOperations/upsert")).header("Content-Type","application/json").POST(HttpRequest.BodyPublishers.ofString(ent)).build(), HttpResponse.BodyHandlers.ofString());
        c.send(HttpRequest.newBuilder(state.baseUri().resolve("ngsi-ld/v1/csourceRegistrations")).header("Content-Type","application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"type\":\"ContextSourceRegistration\",\"endpoint\":\"" + peer.baseUri() + "\",\"contextSourceAlias\":\"p\",\"information\":[{\"entities\":[{\"type\":\"T\"}]}]}")).build(), HttpResponse.BodyHandlers.ofString());
        URI direct = peer.baseUri().resolve("ngsi-ld/v1/entities?type=T&options=sysAttrs&limit=1000");
        URI fed = state.baseUri().resolve("ngsi-ld/v1/entities?type=T");
        URI local = state.baseUri().resolve("ngsi-ld/v1/entities?type=T&local=true");
        URI health = peer.baseUri().resolve("health/live");
        var cm = org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(64).setMaxConnTotal(256).build();
        var ac = org.apache.hc.client5.http.impl.classic.HttpClients.custom().setConnectionManager(cm).build();
        for (int r = 0; r < 2; r++) {
            System.out.printf("round %d%n", r);
            // the blocking client the forwarder uses (OutboundHttp.exchange): I/O on the calling thread
            System.out.printf("apache sync   %s%n", p50(() -> ac.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(direct),
                    resp -> org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(resp.getEntity()))));
            System.out.printf("direct sync   %s%n", p50(() -> c.send(HttpRequest.newBuilder(direct).build(), HttpResponse.BodyHandlers.ofString())));
            System.out.printf("direct async  %s%n", p50(() -> c2.sendAsync(HttpRequest.newBuilder(direct).build(), HttpResponse.BodyHandlers.ofByteArray()).get()));
            System.out.printf("c async dflt   %s%n", p50(() -> c.sendAsync(HttpRequest.newBuilder(direct).build(), HttpResponse.BodyHandlers.ofByteArray()).get()));
            System.out.printf("c2 sync       %s%n", p50(() -> c2.send(HttpRequest.newBuilder(direct).build(), HttpResponse.BodyHandlers.ofByteArray())));
            System.out.printf("c2 async timeout  %s%n", p50(() -> c2.sendAsync(HttpRequest.newBuilder(direct).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray()).get()));
            System.out.printf("health sync    %s%n", p50(() -> c.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())));
            System.out.printf("state local    %s%n", p50(() -> c.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofString())));
            System.out.printf("federated      %s%n", p50(() -> c.send(HttpRequest.newBuilder(fed).build(), HttpResponse.BodyHandlers.ofString())));
        }
        System.exit(0);
    }
    interface Call { Object run() throws Exception; }
    static String p50(Call call) throws Exception {
        for (int i = 0; i < 300; i++) call.run();
        long[] t = new long[1000];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        for (int i = 0; i < t.length; i++) { long t0 = System.nanoTime(); call.run(); t[i] = System.nanoTime() - t0; }
        long cpu = os.getProcessCpuTime() - c0;
        Arrays.sort(t);
        return String.format(Locale.ROOT, "p50 %.3f ms, CPU %.3f ms per call", t[t.length / 2] / 1e6, cpu / 1e6 / t.length);
    }
}
