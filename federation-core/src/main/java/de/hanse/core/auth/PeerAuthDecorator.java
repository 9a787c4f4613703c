package de.hanse.core.auth;

import de.hanse.core.config.PeerConfig;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Adds the credentials a peer expects ({@link de.hanse.core.config.PeerAuthConfig#mode()}) to outbound calls made
 * for that peer ({@link CallContext#peer()}): {@code relay} passes on the caller's {@code Authorization}
 * ({@link CallContext#callerAuthorization()}), {@code client-credentials} sends this node's own token for the peer
 * ({@link ClientCredentialsTokens}), {@code none} adds nothing. Calls without a peer (harvest sources, JWKS and
 * token requests) are left alone, so a caller's token never leaks to a third party. Thread-safe.
 */
public final class PeerAuthDecorator implements OutboundHttp.Decorator {
    private final ClientCredentialsTokens tokens;

    public PeerAuthDecorator(ClientCredentialsTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void decorate(HttpRequest.Builder request, CallContext call) throws IOException {
        PeerConfig peer = call.peer();
        if (peer == null) return;
        switch (peer.auth().mode()) {
            case "relay" -> {
                if (call.callerAuthorization() != null) request.setHeader("Authorization", call.callerAuthorization());
            }
            case "client-credentials" -> request.setHeader("Authorization", "Bearer " + tokens.token(peer, call));
            default -> { }
        }
    }

    @Override
    public String toString() {
        return "PeerAuthDecorator[" + tokens + "]";
    }
}
