package de.hanse.harvest.source.paged;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the free-text values of CKAN and ISO 19139 records (formats, group names, topic categories, maintenance
 * frequencies, language codes, licence ids) to the EU and DCAT-AP.de controlled vocabularies. Every code returned
 * here is typed in {@code shapes/vocab-typings.ttl}, so the validator accepts what the mappers produce.
 * Pure functions; thread-safe.
 */
public final class Vocabularies {
    private Vocabularies() {}

    public static final String LICENSES_DE = "http://dcat-ap.de/def/licenses/";

    static final Set<String> FILE_TYPES = Set.of("CSV", "JSON", "GEOJSON", "XML", "XLSX", "XLS", "ODS", "PDF",
            "HTML", "ZIP", "SHP", "KML", "KMZ", "GML", "RDF", "RDF_XML", "RDF_TURTLE", "JSON_LD", "TXT", "DOCX", "DOC",
            "ODT", "PNG", "JPEG", "TIFF", "GIF", "SVG", "GPKG", "ATOM", "RSS", "TSV", "GTFS", "NETCDF", "WMS_SRVC",
            "WFS_SRVC", "WCS_SRVC", "WMTS_SRVC", "GZIP", "TAR", "DBF", "SQL", "MDB", "7Z", "PPTX", "ODP");

    private static final Map<String, String> FORMAT_ALIASES = Map.ofEntries(
            Map.entry("SHAPE", "SHP"), Map.entry("SHAPEFILE", "SHP"), Map.entry("ESRI SHAPEFILE", "SHP"),
            Map.entry("WMS", "WMS_SRVC"), Map.entry("WFS", "WFS_SRVC"), Map.entry("WCS", "WCS_SRVC"),
            Map.entry("WMTS", "WMTS_SRVC"), Map.entry("JPG", "JPEG"), Map.entry("TIF", "TIFF"), Map.entry("GEOTIFF", "TIFF"),
            Map.entry("TEXT", "TXT"), Map.entry("TTL", "RDF_TURTLE"), Map.entry("TURTLE", "RDF_TURTLE"),
            Map.entry("JSON-LD", "JSON_LD"), Map.entry("JSONLD", "JSON_LD"), Map.entry("RDF/XML", "RDF_XML"),
            Map.entry("GEO+JSON", "GEOJSON"), Map.entry("TEXT/CSV", "CSV"), Map.entry("APPLICATION/JSON", "JSON"),
            Map.entry("APPLICATION/GEO+JSON", "GEOJSON"), Map.entry("APPLICATION/XML", "XML"), Map.entry("TEXT/XML", "XML"),
            Map.entry("APPLICATION/PDF", "PDF"), Map.entry("TEXT/HTML", "HTML"), Map.entry("APPLICATION/ZIP", "ZIP"),
            Map.entry("GEOPACKAGE", "GPKG"), Map.entry("NETCDF4", "NETCDF"), Map.entry("GZ", "GZIP"),
            Map.entry("APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.SPREADSHEETML.SHEET", "XLSX"),
            Map.entry("APPLICATION/VND.MS-EXCEL", "XLS"), Map.entry("APPLICATION/GML+XML", "GML"),
            Map.entry("APPLICATION/VND.GOOGLE-EARTH.KML+XML", "KML"));

    /** EU file-type code for a CKAN format or ISO format name, or null. */
    public static String fileType(String format) {
        String f = format.strip().toUpperCase(Locale.ROOT);
        int slash = f.lastIndexOf("/FILE-TYPE/");
        if (slash >= 0) f = f.substring(slash + 11);
        if (FILE_TYPES.contains(f)) return f;
        if (f.startsWith(".")) f = f.substring(1);
        String a = FORMAT_ALIASES.getOrDefault(f, f);
        return FILE_TYPES.contains(a) ? a : null;
    }

    public static final Set<String> THEMES = Set.of("AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR",
            "JUST", "REGI", "SOCI", "TECH", "TRAN");

    private static final Map<String, String> THEME_NAMES = Map.ofEntries(
            Map.entry("agriculture", "AGRI"), Map.entry("landwirtschaft", "AGRI"), Map.entry("economy", "ECON"),
            Map.entry("wirtschaft", "ECON"), Map.entry("education", "EDUC"), Map.entry("bildung", "EDUC"),
            Map.entry("energy", "ENER"), Map.entry("energie", "ENER"), Map.entry("environment", "ENVI"),
            Map.entry("umwelt", "ENVI"), Map.entry("government", "GOVE"), Map.entry("verwaltung", "GOVE"),
            Map.entry("health", "HEAL"), Map.entry("gesundheit", "HEAL"), Map.entry("international", "INTR"),
            Map.entry("justice", "JUST"), Map.entry("justiz", "JUST"), Map.entry("regions", "REGI"),
            Map.entry("regionen", "REGI"), Map.entry("society", "SOCI"), Map.entry("gesellschaft", "SOCI"),
            Map.entry("bevoelkerung", "SOCI"), Map.entry("science", "TECH"), Map.entry("wissenschaft", "TECH"),
            Map.entry("transport", "TRAN"), Map.entry("verkehr", "TRAN"), Map.entry("mobilitaet", "TRAN"));

    /** EU data theme code for a CKAN group (its name is often the lower-case code, as on GovData), or null. */
    public static String theme(String group) {
        if (group == null) return null;
        String g = group.strip();
        if (g.contains("/data-theme/")) g = g.substring(g.lastIndexOf('/') + 1);
        String upper = g.toUpperCase(Locale.ROOT);
        if (THEMES.contains(upper)) return upper;
        return THEME_NAMES.get(g.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"));
    }

    static final Map<String, String> TOPIC_THEMES = Map.ofEntries(
            Map.entry("farming", "AGRI"), Map.entry("biota", "ENVI"), Map.entry("boundaries", "REGI"),
            Map.entry("climatologyMeteorologyAtmosphere", "ENVI"), Map.entry("economy", "ECON"),
            Map.entry("elevation", "ENVI"), Map.entry("environment", "ENVI"), Map.entry("geoscientificInformation", "ENVI"),
            Map.entry("health", "HEAL"), Map.entry("imageryBaseMapsEarthCover", "ENVI"), Map.entry("intelligenceMilitary", "JUST"),
            Map.entry("inlandWaters", "ENVI"), Map.entry("location", "REGI"), Map.entry("oceans", "ENVI"),
            Map.entry("planningCadastre", "REGI"), Map.entry("society", "SOCI"), Map.entry("structure", "REGI"),
            Map.entry("transportation", "TRAN"), Map.entry("utilitiesCommunication", "ENER"));

    /** EU data theme for an ISO 19115 topic category, or null. */
    public static String topicTheme(String topicCategory) {
        return topicCategory == null ? null : TOPIC_THEMES.get(topicCategory.strip());
    }

    static final Map<String, String> FREQUENCIES = Map.ofEntries(
            Map.entry("continual", "UPDATE_CONT"), Map.entry("daily", "DAILY"), Map.entry("weekly", "WEEKLY"),
            Map.entry("fortnightly", "BIWEEKLY"), Map.entry("monthly", "MONTHLY"), Map.entry("quarterly", "QUARTERLY"),
            Map.entry("biannually", "ANNUAL_2"), Map.entry("annually", "ANNUAL"), Map.entry("asNeeded", "AS_NEEDED"),
            Map.entry("irregular", "IRREG"), Map.entry("notPlanned", "NOT_PLANNED"), Map.entry("unknown", "UNKNOWN"));

    /** EU frequency code for an ISO 19115 {@code MD_MaintenanceFrequencyCode}, or null. */
    public static String frequency(String isoCode) {
        return isoCode == null ? null : FREQUENCIES.get(isoCode.strip());
    }

    public static final Set<String> LANGUAGES = Set.of("BUL", "CES", "DAN", "DEU", "ELL", "ENG", "EST", "FIN", "FRA",
            "GLE", "HRV", "HUN", "ITA", "LAV", "LIT", "MLT", "NLD", "POL", "POR", "RON", "SLK", "SLV", "SPA", "SWE",
            "NOR", "TUR", "RUS", "UKR", "ARA", "ZHO", "JPN", "LTZ", "CAT", "EUS", "GLG", "DSB", "HSB", "NDS", "FRR");

    private static final Map<String, String> LANGUAGE_ALIASES = Map.ofEntries(
            Map.entry("GER", "DEU"), Map.entry("FRE", "FRA"), Map.entry("DUT", "NLD"), Map.entry("CZE", "CES"),
            Map.entry("GRE", "ELL"), Map.entry("RUM", "RON"), Map.entry("SLO", "SLK"), Map.entry("CHI", "ZHO"),
            Map.entry("BAQ", "EUS"), Map.entry("DE", "DEU"), Map.entry("EN", "ENG"), Map.entry("FR", "FRA"),
            Map.entry("NL", "NLD"), Map.entry("PL", "POL"), Map.entry("DA", "DAN"), Map.entry("IT", "ITA"),
            Map.entry("ES", "SPA"), Map.entry("CS", "CES"));

    /** EU language code for an ISO 639-1/-2 code (including 639-2/B {@code ger}), or null. */
    public static String language(String code) {
        if (code == null) return null;
        String c = code.strip().toUpperCase(Locale.ROOT);
        c = LANGUAGE_ALIASES.getOrDefault(c, c);
        return LANGUAGES.contains(c) ? c : null;
    }

    static final Map<String, String> CKAN_LICENSES = Map.ofEntries(
            Map.entry("cc-by", "cc-by/4.0"), Map.entry("cc-by-4.0", "cc-by/4.0"), Map.entry("cc-by-sa", "cc-by-sa/4.0"),
            Map.entry("cc-by-sa-4.0", "cc-by-sa/4.0"), Map.entry("cc-zero", "cc-zero"), Map.entry("cc0-1.0", "cc-zero"),
            Map.entry("cc-nc", "cc-by-nc/4.0"), Map.entry("cc-by-nc-4.0", "cc-by-nc/4.0"), Map.entry("cc-by-nd-4.0", "cc-by-nd/4.0"),
            Map.entry("odc-odbl", "odbl"), Map.entry("odc-by", "odby"), Map.entry("odc-pddl", "odcpddl"),
            Map.entry("dl-de-by-2.0", "dl-by-de/2.0"), Map.entry("dl-by-de/2.0", "dl-by-de/2.0"),
            Map.entry("dl-de-zero-2.0", "dl-zero-de/2.0"), Map.entry("dl-zero-de/2.0", "dl-zero-de/2.0"),
            Map.entry("dl-de-by-1.0", "dl-by-de/1.0"), Map.entry("other-closed", "other-closed"),
            Map.entry("other-open", "other-open"), Map.entry("other-at", "other-open"), Map.entry("gfdl", "gfdl"),
            Map.entry("apache", "apache"), Map.entry("bsd-license", "bsd"), Map.entry("gpl-3.0", "gpl/3.0"),
            Map.entry("mit-license", "mit"), Map.entry("mozilla", "mozilla"));

    /** DCAT-AP.de licence IRI for a licence id (CKAN's ids, DCAT-AP.de ids, GDI-DE JSON ids), or null. */
    public static String license(String id) {
        if (id == null || id.isBlank()) return null;
        String k = id.strip().toLowerCase(Locale.ROOT);
        if (k.startsWith("https://www.dcat-ap.de/def/licenses/")) k = k.substring("https://www.dcat-ap.de/def/licenses/".length());
        if (k.startsWith(LICENSES_DE)) return LICENSES_DE + id.strip().substring(LICENSES_DE.length());
        if (CKAN_LICENSES.containsValue(k)) return LICENSES_DE + k;
        String mapped = CKAN_LICENSES.get(k);
        return mapped == null ? null : LICENSES_DE + mapped;
    }
}
