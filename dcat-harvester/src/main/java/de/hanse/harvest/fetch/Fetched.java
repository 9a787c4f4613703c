package de.hanse.harvest.fetch;

/**
 * A fetched document.
 *
 * @param url          the URL (or file URI) it came from, after redirects
 * @param status       HTTP status (200 for files; 304 when not modified)
 * @param contentType  the {@code Content-Type} without parameters, or null
 * @param body         the bytes (empty on 304)
 * @param etag         {@code ETag}, or null
 * @param lastModified {@code Last-Modified}, or null
 */
public record Fetched(String url, int status, String contentType, byte[] body, String etag, String lastModified) {
    public boolean notModified() {
        return status == 304;
    }
}
