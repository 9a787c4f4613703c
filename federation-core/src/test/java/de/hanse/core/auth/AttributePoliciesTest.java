package de.hanse.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.config.AuthConfig.AttributePolicyConfig;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AttributePoliciesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EX = "https://example.org/";
    private final AttributePolicies policies = new AttributePolicies(
            List.of(new AttributePolicyConfig("ParkingSpot", "ownerName", List.of("parking-admin"))),
            t -> t.startsWith("http") || t.equals("type") || t.equals("id") ? t : EX + t);

    private static Principal caller(String... roles) {
        return new Principal("u", "iss", Set.of(roles), List.of(), null);
    }

    private static ObjectNode entity(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void hidesTheAttributeFromCallersWithoutTheRole() throws Exception {
        ObjectNode spot = entity("{\"id\":\"urn:ngsi-ld:ParkingSpot:1\",\"type\":\"ParkingSpot\","
                + "\"ownerName\":{\"type\":\"Property\",\"value\":\"Erika Mustermann\"},\"status\":{\"type\":\"Property\",\"value\":\"free\"}}");
        assertThat(policies.apply(caller("ngsild-reader"), spot)).isEqualTo(1);
        assertThat(spot.has("ownerName")).isFalse();
        assertThat(spot.has("status")).isTrue();
    }

    @Test
    void showsItToHoldersOfAnExemptRoleAndWhenAuthIsOff() throws Exception {
        String json = "{\"id\":\"urn:x\",\"type\":\"ParkingSpot\",\"ownerName\":\"E. M.\"}";
        ObjectNode a = entity(json);
        assertThat(policies.apply(caller("parking-admin"), a)).isZero();
        assertThat(a.has("ownerName")).isTrue();
        ObjectNode b = entity(json);
        policies.apply(Principal.UNAUTHENTICATED_ADMIN, b);
        assertThat(b.has("ownerName")).isTrue();
    }

    @Test
    void matchesExpandedNamesAndTypeArraysButNotOtherTypes() throws Exception {
        ObjectNode expanded = entity("{\"id\":\"urn:x\",\"@type\":[\"" + EX + "Thing\",\"" + EX + "ParkingSpot\"],\""
                + EX + "ownerName\":[{\"@value\":\"E. M.\"}]}");
        assertThat(policies.apply(Principal.ANONYMOUS, expanded)).isEqualTo(1);
        ObjectNode other = entity("{\"id\":\"urn:y\",\"type\":\"Building\",\"ownerName\":\"City\"}");
        assertThat(policies.apply(Principal.ANONYMOUS, other)).isZero();
        assertThat(policies.hidden(Principal.ANONYMOUS, List.of("ParkingSpot"))).containsExactly(EX + "ownerName");
        assertThat(new AttributePolicies(List.of(), UnaryOperator.identity()).isEmpty()).isTrue();
    }
}
