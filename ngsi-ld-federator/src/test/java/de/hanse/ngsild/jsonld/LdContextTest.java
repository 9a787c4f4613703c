package de.hanse.ngsild.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hanse.core.http.OutboundHttp;
import de.hanse.core.http.ProblemException;
import de.hanse.ngsild.model.Ngsi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LdContextTest {
    static final String SDM = "https://smartdatamodels.org/dataModel.Parking/";

    @Test
    void twoContextsForTheSameIriCompactToTheirOwnTerms() throws Exception {
        LdContext en = LdContext.of(List.of(), List.of(Ngsi.JSON.readTree(
                "{\"sdm\":\"" + SDM + "\",\"free\":\"sdm:availableSpotNumber\",\"Parking\":{\"@id\":\"sdm:OffStreetParking\"}}")));
        LdContext de = LdContext.of(List.of(), List.of(Ngsi.JSON.readTree(
                "{\"frei\":\"" + SDM + "availableSpotNumber\",\"Parkhaus\":\"" + SDM + "OffStreetParking\"}")));
        assertThat(en.expand("free")).isEqualTo(SDM + "availableSpotNumber").isEqualTo(de.expand("frei"));
        assertThat(en.expand("Parking")).isEqualTo(de.expand("Parkhaus"));
        assertThat(de.compact(SDM + "availableSpotNumber")).isEqualTo("frei");
        assertThat(en.compact(SDM + "availableSpotNumber")).isEqualTo("free");
        assertThat(LdContext.core().compact(SDM + "availableSpotNumber")).isEqualTo(SDM + "availableSpotNumber");
    }

    @Test
    void coreTermsAndDefaultVocab() {
        LdContext c = LdContext.core();
        assertThat(c.expand("location")).isEqualTo("https://uri.etsi.org/ngsi-ld/location");
        assertThat(c.expand("observedAt")).isEqualTo("https://uri.etsi.org/ngsi-ld/observedAt");
        assertThat(c.expand("foo")).isEqualTo("https://uri.etsi.org/ngsi-ld/default-context/foo");
        assertThat(c.compact("https://uri.etsi.org/ngsi-ld/default-context/foo")).isEqualTo("foo");
        assertThat(c.expand("urn:x:y")).isEqualTo("urn:x:y");
        assertThat(c.compact("https://uri.etsi.org/ngsi-ld/location")).isEqualTo("location");
    }

    @Test
    void linkHeaderAndUnavailableRemoteContexts() {
        String link = ContextResolver.link("http://example.org/ctx.jsonld");
        assertThat(ContextResolver.linkUrl(link)).isEqualTo("http://example.org/ctx.jsonld");
        assertThat(ContextResolver.linkUrl("<http://x/a>; rel=\"next\"")).isNull();
        try (OutboundHttp http = new OutboundHttp(2)) {
            ContextResolver r = new ContextResolver(http, Duration.ofSeconds(1));
            assertThat(r.fromLink(ContextResolver.link(CoreContext.URL)).expand("location")).endsWith("/location");
            assertThatThrownBy(() -> r.fromLink(link)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().type()).endsWith("LdContextNotAvailable"))
                    .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(503));
            assertThatThrownBy(() -> r.fromLink("no angle brackets")).isInstanceOf(ProblemException.class);
        }
    }
}
