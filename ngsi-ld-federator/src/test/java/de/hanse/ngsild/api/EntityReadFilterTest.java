package de.hanse.ngsild.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hanse.core.http.ProblemException;
import org.junit.jupiter.api.Test;

/** The request parsing of the Jersey-free read path: it must read a request exactly as Jersey would. */
class EntityReadFilterTest {
    @Test
    void queryParametersAreDecodedFirstValueWins() {
        assertThat(EntityReadFilter.params("type=T&q=a%3E0%3Bb%3D%3D%22x%20y%22&q=ignored&limit=5&flag"))
                .containsExactly(java.util.Map.entry("type", "T"), java.util.Map.entry("q", "a>0;b==\"x y\""),
                        java.util.Map.entry("limit", "5"), java.util.Map.entry("flag", ""));
        assertThat(EntityReadFilter.params("q=name%3D%3D%22a+b%22")).containsEntry("q", "name==\"a b\"");
        assertThat(EntityReadFilter.params(null)).isEmpty();
        assertThat(EntityReadFilter.params("&&")).isEmpty();
    }

    @Test
    void brokenPercentEncodingIsBadRequestData() {
        assertThatThrownBy(() -> EntityReadFilter.params("type=T&q=%ZZ"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type()).endsWith("/BadRequestData");
                });
    }

    @Test
    void pathSegmentsKeepPlusAndDecodePercent() {
        assertThat(EntityReadFilter.decodePath("urn%3Angsi-ld%3AT%3A1")).isEqualTo("urn:ngsi-ld:T:1");
        assertThat(EntityReadFilter.decodePath("urn:x:a+b")).isEqualTo("urn:x:a+b");
        assertThat(EntityReadFilter.decodePath("urn:x:a%2Bb")).isEqualTo("urn:x:a+b");
        assertThat(EntityReadFilter.decodePath("urn:x:%Z1")).isNull();
    }

    @Test
    void ldJsonIsChosenWhenAnyRangeNamesIt() {
        assertThat(EntityReadFilter.acceptsLd("application/json, application/ld+json;q=0.9")).isTrue();
        assertThat(EntityReadFilter.acceptsLd("Application/LD+JSON")).isTrue();
        assertThat(EntityReadFilter.acceptsLd("application/json")).isFalse();
        assertThat(EntityReadFilter.acceptsLd("*/*")).isFalse();
        assertThat(EntityReadFilter.acceptsLd(null)).isFalse();
    }
}
