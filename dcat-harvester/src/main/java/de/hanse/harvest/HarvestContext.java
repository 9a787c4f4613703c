package de.hanse.harvest;

import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import de.hanse.harvest.fetch.Fetcher;

/**
 * What a {@link de.hanse.harvest.source.PageSource} needs during one run.
 *
 * @param http       outbound HTTP
 * @param call       deadline of the whole run ({@code maxRunTime})
 * @param fetcher    fetches URLs and files with the source's byte cap and conditional GET
 * @param validators conditional-GET validators (ETag / Last-Modified) remembered from the previous run, by URL
 * @param modifiedSince for an incremental run, ask the source only for what changed since then; null: everything
 */
public record HarvestContext(OutboundHttp http, CallContext call, Fetcher fetcher, ConditionalCache validators,
                             java.time.Instant modifiedSince) {

    public HarvestContext(OutboundHttp http, CallContext call, Fetcher fetcher, ConditionalCache validators) {
        this(http, call, fetcher, validators, null);
    }

    public HarvestContext withModifiedSince(java.time.Instant since) {
        return new HarvestContext(http, call, fetcher, validators, since);
    }
}
