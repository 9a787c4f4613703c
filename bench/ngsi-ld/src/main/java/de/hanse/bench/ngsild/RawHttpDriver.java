package de.hanse.bench.ngsild;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load driver's client: one persistent HTTP/1.1 connection on a plain socket, one GET at a time, the answer read by
 * its {@code Content-Length} (like {@code wrk}). Used for the throughput phase next to the JDK {@code HttpClient}
 * because the benchmark's clients share the two cores with the nodes they measure: with the JDK client the
 * clients' own CPU is a large part of each query's. Bench-only; not a general HTTP client (no chunked bodies, no
 * redirects, no TLS). Not thread-safe: one per client thread.
 */
final class RawHttpDriver implements AutoCloseable {
    private final URI uri;
    private final byte[] request;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] body = new byte[64 * 1024];

    RawHttpDriver(URI uri) {
        this.uri = uri;
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        this.request = ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the GET and reads the answer; fails unless it is a 200 without {@code NGSILD-Warning}. */
    void get() throws IOException {
        if (socket == null) {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        out.write(request);
        out.flush();
        String status = line();
        int length = -1;
        boolean warned = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
            else if (lower.startsWith("ngsild-warning:")) warned = true;
            else if (lower.startsWith("transfer-encoding:")) throw new IOException("chunked answer: not supported by this driver");
        }
        if (length < 0) throw new IOException("no Content-Length");
        if (body.length < length) body = new byte[length];
        for (int read = 0; read < length; ) {
            int r = in.read(body, read, length - read);
            if (r < 0) throw new IOException("connection closed in the body");
            read += r;
        }
        if (!status.startsWith("HTTP/1.1 200") || warned) throw new IOException(uri + " -> " + status + (warned ? " with NGSILD-Warning" : ""));
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed in the header");
            if (c != '\r') sb.append((char) c);
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) socket.close();
    }
}
