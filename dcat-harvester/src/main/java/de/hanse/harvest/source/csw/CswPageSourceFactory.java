package de.hanse.harvest.source.csw;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.source.PageSource;
import de.hanse.harvest.source.PageSourceFactory;
import de.hanse.harvest.source.paged.SourceOptions;

/**
 * Type {@code csw}: an OGC CSW 2.0.2 catalogue read with {@code GetRecords} (POST, ISO 19139 output), records
 * mapped to GeoDCAT-AP core (see {@link IsoMapper}). The URL is the CSW endpoint; fragment options:
 * {@code pageSize} ({@code maxRecords}, default 50, at most 500), {@code datasetBase} (dataset IRIs are
 * {@code <datasetBase><fileIdentifier>}; without it {@code urn:uuid:} for UUIDs, else the GetRecordById URL) and
 * {@code type} (e.g. {@code dataset}: a server-side filter on {@code apiso:Type}). Stateless and thread-safe.
 */
public final class CswPageSourceFactory implements PageSourceFactory {
    @Override
    public String type() {
        return "csw";
    }

    @Override
    public PageSource open(HarvestSourceConfig source, HarvestContext ctx) {
        SourceOptions o = SourceOptions.parse(source.url());
        return new CswPageSource(o.endpoint(), o.intOption("pageSize", 50, 500), o.get("type", null),
                new IsoMapper(o.endpoint(), o.get("datasetBase", null)), source.maxPages(), ctx);
    }
}
