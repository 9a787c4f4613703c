package de.hanse.core.auth;

/**
 * Verifies a bearer token and returns who it belongs to. Thread-safe; may block briefly to fetch keys.
 */
@FunctionalInterface
public interface TokenVerifier {
    /** @throws InvalidTokenException when the token is not acceptable, with an RFC 6750 error code */
    Principal verify(String bearerToken) throws InvalidTokenException;

    final class InvalidTokenException extends Exception {
        private final String error;

        public InvalidTokenException(String error, String description) {
            super(description);
            this.error = error;
        }

        /** RFC 6750 error code: {@code invalid_token} or {@code invalid_request}. */
        public String error() {
            return error;
        }
    }
}
