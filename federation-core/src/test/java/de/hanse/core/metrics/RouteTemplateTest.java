package de.hanse.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTemplateTest {

    @Test
    void keepsApiWordsAndReplacesIdentifiers() {
        assertThat(RouteTemplate.normalise("/")).isEqualTo("/");
        assertThat(RouteTemplate.normalise("/health/ready")).isEqualTo("/health/ready");
        assertThat(RouteTemplate.normalise("/sparql")).isEqualTo("/sparql");
        assertThat(RouteTemplate.normalise("/ngsi-ld/v1/entities")).isEqualTo("/ngsi-ld/v1/entities");
        assertThat(RouteTemplate.normalise("/ngsi-ld/v1/entities/urn:ngsi-ld:Car:1/attrs")).isEqualTo("/ngsi-ld/v1/entities/**");
        assertThat(RouteTemplate.normalise("/catalogue/datasets/123")).isEqualTo("/catalogue/datasets/{id}");
        assertThat(RouteTemplate.normalise("/harvest/3f2504e0-4f89-11d3-9a0c-0305e82c3301/runs")).isEqualTo("/harvest/{id}/runs");
        assertThat(RouteTemplate.normalise("/catalogue/http%3A%2F%2Fexample.org")).isEqualTo("/catalogue/{id}");
        assertThat(RouteTemplate.normalise("//health//live/")).isEqualTo("/health/live");
    }

    @Test
    void capsTheNumberOfDistinctRoutes() {
        RouteTemplate routes = new RouteTemplate(3);
        assertThat(routes.of("/a")).isEqualTo("/a");
        assertThat(routes.of("/b")).isEqualTo("/b");
        assertThat(routes.of("/c")).isEqualTo("/c");
        assertThat(routes.of("/scanner/probe")).isEqualTo(RouteTemplate.OTHER);
        assertThat(routes.of("/a")).as("known routes keep their label").isEqualTo("/a");
    }
}
