package de.hanse.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every curl example of {@code docs/api.md} against a node that harvested the search fixtures and checks the
 * status each one is documented to answer with ({@code # expect NNN} on the line before). Client errors outside
 * NGSI-LD must be problem documents.
 */
class ApiDocsIT {
    private static final Pattern EXPECT = Pattern.compile("^#\\s*expect\\s+(\\d{3})\\s*$");
    private final TestNodes nodes = new TestNodes();

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        nodes.close();
    }

    record Example(int status, String command) {}

    static List<Example> examples(Path markdown) throws java.io.IOException {
        List<Example> out = new ArrayList<>();
        boolean inBash = false;
        Integer expected = null;
        for (String raw : Files.readAllLines(markdown)) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                inBash = line.equals("```bash");
                expected = null;
                continue;
            }
            if (!inBash) continue;
            Matcher m = EXPECT.matcher(line);
            if (m.matches()) expected = Integer.valueOf(m.group(1));
            else if (line.startsWith("curl ")) {
                if (expected == null) throw new AssertionError("curl example without '# expect NNN' before it: " + line);
                out.add(new Example(expected, line));
                expected = null;
            }
        }
        return out;
    }

    @Test
    void everyCurlExampleAnswersAsDocumented() throws Exception {
        List<Example> examples = examples(Path.of(System.getProperty("basedir", "."), "..", "docs", "api.md"));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(25);
        HanseNode node = SearchFixtureNode.start(nodes, tmp);
        SoftAssertions soft = new SoftAssertions();
        for (Example e : examples) {
            CurlCommand c = CurlCommand.parse(e.command());
            HttpResponse<String> r = nodes.send(c.toRequest(node.baseUri()));
            soft.assertThat(r.statusCode()).as(e.command() + "\n-> " + abbreviate(r.body())).isEqualTo(e.status());
            if (r.statusCode() >= 400 && !c.url().contains("/ngsi-ld/"))
                soft.assertThat(r.headers().firstValue("Content-Type").orElse("")).as(e.command()).startsWith("application/problem+json");
        }
        soft.assertAll();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
