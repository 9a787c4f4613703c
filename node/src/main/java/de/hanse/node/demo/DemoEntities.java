package de.hanse.node.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.PeerConfig;
import de.hanse.ngsild.api.NgsiLdModule;
import de.hanse.ngsild.jsonld.ContextResolver;
import de.hanse.node.HanseNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The NGSI-LD part of the demo: each city node stores its sample entities (parking sites and air-quality
 * observations shaped like the FIWARE Smart Data Models, {@code demo/ngsild/<city>.jsonld}); the state node
 * registers both cities as context sources, so a query at the state is answered from both, merged.
 */
final class DemoEntities {
    static final String LINK = "<" + ContextResolver.SMART_CITY_URL + ">; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";
    static final String NEAR_TOWN_HALL = "ngsi-ld/v1/entities?type=OffStreetParking&georel="
            + enc("near;maxDistance==1500") + "&geometry=Point&coordinates=" + enc("[12.1403,54.0897]")
            + "&options=keyValues&pick=" + enc("id,name,availableSpotNumber");
    static final String FREE_SPACES_NORTH = "ngsi-ld/v1/entities?type=OffStreetParking&q=" + enc("availableSpotNumber>50")
            + "&georel=within&geometry=Polygon&coordinates=" + enc("[[[8,53],[13,53],[13,55],[8,55],[8,53]]]")
            + "&options=keyValues&pick=" + enc("id,name,availableSpotNumber") + "&count=true";

    private DemoEntities() {}

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void load(HanseNode city, String name, PrintStream out) throws IOException {
        try (InputStream in = DemoEntities.class.getResourceAsStream("/demo/ngsild/" + name + ".jsonld")) {
            if (in == null) return;
            int n = city.module(NgsiLdModule.class).loadEntities("", in);
            out.println("  stores " + n + " NGSI-LD entities (parking sites, air quality)");
        }
    }

    static void register(HanseNode state, List<PeerConfig> cities, PrintStream out) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (PeerConfig city : cities) {
            String body = "{\"type\":\"ContextSourceRegistration\",\"endpoint\":\"" + city.url() + "\",\"contextSourceAlias\":\"" + city.name()
                    + "\",\"information\":[{\"entities\":[{\"type\":\"OffStreetParking\"},{\"type\":\"AirQualityObserved\"}]}]}";
            HttpResponse<String> r = send(client, HttpRequest.newBuilder(state.baseUri().resolve("ngsi-ld/v1/csourceRegistrations"))
                    .header("Content-Type", "application/json").header("Link", LINK).POST(HttpRequest.BodyPublishers.ofString(body)));
            if (r.statusCode() != 201) throw new IllegalStateException("registering " + city.name() + " failed: " + r.statusCode() + " " + r.body());
        }
        out.println("  registered the cities as NGSI-LD context sources");
    }

    static void printExamples(HanseNode state, PrintStream out) {
        String base = state.baseUri().toString();
        out.println("# NGSI-LD, answered by the state from both cities: parking within 1.5 km of Rostock's town hall");
        out.println("curl -s '" + base + NEAR_TOWN_HALL + "' -H '" + "Link: " + LINK + "'");
        out.println("# parking with more than 50 free spaces anywhere in a box over northern Germany (both cities, counted)");
        out.println("curl -si '" + base + FREE_SPACES_NORTH + "' -H '" + "Link: " + LINK + "'");
    }

    static boolean selfCheck(HanseNode state, HttpClient client, PrintStream out) throws IOException {
        HttpResponse<String> near = send(client, HttpRequest.newBuilder(state.baseUri().resolve(NEAR_TOWN_HALL)).header("Link", LINK));
        JsonNode nearJson = new ObjectMapper().readTree(near.body());
        boolean ok = Demo.check(out, "NGSI-LD geo-query near Rostock's town hall: " + nearJson.size() + " parking sites",
                near.statusCode() == 200 && nearJson.size() == 2);
        HttpResponse<String> both = send(client, HttpRequest.newBuilder(state.baseUri().resolve(FREE_SPACES_NORTH)).header("Link", LINK));
        String count = both.headers().firstValue("NGSILD-Results-Count").orElse("?");
        ok &= Demo.check(out, "NGSI-LD query across both cities: " + count + " parking sites with > 50 free spaces",
                both.statusCode() == 200 && count.equals("3") && both.body().contains("bremen") && both.body().contains("rostock"));
        return ok;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder b) {
        try {
            return client.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
