package de.hanse.harvest.source.ckan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.HarvestException;
import de.hanse.harvest.fetch.Fetched;
import de.hanse.harvest.source.paged.DcatGraph;
import de.hanse.harvest.source.paged.OffsetPageSource;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages of {@code package_search}. A package that cannot be mapped (no id and no name, or fields of the wrong
 * JSON type that break the mapper) is skipped with a warning and the rest of the page is kept.
 */
final class CkanPageSource extends OffsetPageSource {
    private static final Logger LOG = LoggerFactory.getLogger(CkanPageSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String action;
    private final int rows;
    private final String sort;
    private final CkanMapper mapper;

    CkanPageSource(String action, String base, int rows, String sort, int maxPages, HarvestContext ctx) {
        super(ctx, maxPages, 0);
        this.action = action;
        this.rows = rows;
        this.sort = sort;
        this.mapper = new CkanMapper(base);
    }

    @Override
    protected String pageUrl(long start) {
        String sep = action.contains("?") ? "&" : "?";
        return action + sep + "rows=" + rows + "&start=" + start + "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8);
    }

    @Override
    protected Fetched fetch(long start) throws HarvestException {
        return ctx().fetcher().get(pageUrl(start), "application/json", null, ctx().call());
    }

    @Override
    protected Batch map(Fetched page, long start) throws HarvestException {
        JsonNode root;
        try {
            root = JSON.readTree(page.body());
        } catch (IOException e) {
            throw new HarvestException("cannot parse " + page.url() + " as CKAN JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("success").asBoolean(false) || !root.path("result").path("results").isArray())
            throw new HarvestException(page.url() + " is not a successful CKAN package_search answer"
                    + (root != null && root.has("error") ? ": " + root.get("error") : ""));
        JsonNode result = root.get("result");
        long count = result.path("count").asLong(-1);
        DcatGraph g = new DcatGraph();
        int n = 0;
        for (JsonNode pkg : result.get("results")) {
            n++;
            DcatGraph one = new DcatGraph();
            try {
                if (mapper.map(pkg, one) == null) {
                    LOG.warn("CKAN package {} of {} has neither id nor name; skipped", n, page.url());
                    continue;
                }
            } catch (RuntimeException e) {
                LOG.warn("CKAN package {} ({}) of {} cannot be mapped; skipped: {}", n, CkanMapper.text(pkg, "id"), page.url(), e.toString());
                continue;
            }
            one.graph().find().forEachRemaining(g.graph()::add);
        }
        long next = start + n;
        // with a count, page until it is reached (a portal may cap rows below what was asked); without, until a short page
        boolean more = n > 0 && (count >= 0 ? next < count : n == rows);
        return new Batch(g.graph(), n, more ? next : -1);
    }
}
