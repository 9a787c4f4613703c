package de.hanse.node.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of curl used in {@code docs/api.md}, turned into a {@link HttpRequest}: {@code -s}, {@code -i},
 * {@code -G}, {@code -X}, {@code -H}, {@code -d}/{@code --data}/{@code --data-binary}, {@code --data-urlencode}. Any
 * other option fails the test, so the docs cannot use something this runner silently ignores.
 */
record CurlCommand(String method, String url, Map<String, String> headers, String body) {

    static final String DOC_BASE = "http://localhost:8080/";

    static CurlCommand parse(String line) {
        List<String> t = tokens(line);
        if (t.isEmpty() || !t.get(0).equals("curl")) throw new IllegalArgumentException("not a curl command: " + line);
        String method = null, url = null;
        boolean get = false;
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> data = new ArrayList<>();
        for (int i = 1; i < t.size(); i++) {
            String a = t.get(i);
            switch (a) {
                case "-s", "-i", "--silent" -> { }
                case "-G", "--get" -> get = true;
                case "-X", "--request" -> method = t.get(++i);
                case "-H", "--header" -> {
                    String[] h = t.get(++i).split(":", 2);
                    headers.put(h[0].strip(), h[1].strip());
                }
                case "-d", "--data", "--data-binary" -> data.add(t.get(++i));
                case "--data-urlencode" -> {
                    String[] kv = t.get(++i).split("=", 2);
                    data.add(kv[0] + "=" + URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
                }
                default -> {
                    if (a.startsWith("-")) throw new IllegalArgumentException("unsupported curl option " + a + " in: " + line);
                    url = a;
                }
            }
        }
        if (url == null || !url.startsWith(DOC_BASE)) throw new IllegalArgumentException("URL must start with " + DOC_BASE + ": " + line);
        String joined = String.join("&", data);
        if (get && !data.isEmpty()) url += (url.contains("?") ? "&" : "?") + joined;
        if (method == null) method = !get && !data.isEmpty() ? "POST" : "GET";
        if (!get && !data.isEmpty()) headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
        return new CurlCommand(method, url, headers, get || data.isEmpty() ? null : joined);
    }

    HttpRequest.Builder toRequest(URI base) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(url.substring(DOC_BASE.length()))).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    /** Shell words: whitespace-separated, with '...' and "..." quoting. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(cur.toString());
                cur.setLength(0);
                inWord = false;
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unbalanced quote in: " + line);
        if (inWord) out.add(cur.toString());
        return out;
    }
}
