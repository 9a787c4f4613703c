package de.hanse.core.config;

/**
 * Credentials a node sends to a peer.
 *
 * @param mode             {@code none} (default), {@code relay} (pass the caller's bearer token on) or
 *                         {@code client-credentials} (the node's own client at the peer's Keycloak)
 * @param tokenUrl         token endpoint for client credentials (required for that mode)
 * @param clientId         client id for client credentials
 * @param clientSecretFile file holding the client secret (preferred)
 * @param clientSecretEnv  environment variable holding the client secret
 * @param scope            optional scope to request
 */
public record PeerAuthConfig(String mode, String tokenUrl, String clientId, String clientSecretFile,
                             String clientSecretEnv, String scope) {
    public PeerAuthConfig {
        mode = Check.orDefault(mode, "none");
        if (!java.util.Set.of("none", "relay", "client-credentials").contains(mode))
            throw ConfigException.invalid("peers[].auth.mode", "'" + mode + "' is not one of none, relay, client-credentials");
        if (mode.equals("client-credentials")) {
            Check.url("peers[].auth.tokenUrl", tokenUrl, false);
            if (clientId == null || clientId.isBlank()) throw ConfigException.invalid("peers[].auth.clientId", "is required for client-credentials");
            if (clientSecretFile == null && clientSecretEnv == null)
                throw ConfigException.invalid("peers[].auth.clientSecretFile", "client-credentials needs clientSecretFile or clientSecretEnv");
        }
    }

    public static PeerAuthConfig none() {
        return new PeerAuthConfig(null, null, null, null, null, null);
    }

    /** Never print secrets: only where they come from. */
    @Override
    public String toString() {
        return "PeerAuthConfig[mode=" + mode + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", secret=" + (clientSecretFile != null ? "file:" + clientSecretFile : clientSecretEnv != null ? "env:" + clientSecretEnv : "none") + "]";
    }
}
