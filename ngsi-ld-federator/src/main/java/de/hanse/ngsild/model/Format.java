package de.hanse.ngsild.model;

import java.util.Locale;

/**
 * The representation options of an answer ({@code options=keyValues|concise|sysAttrs} or {@code format=}).
 *
 * @param form     normalized (default), keyValues or concise
 * @param sysAttrs include {@code createdAt}/{@code modifiedAt}
 */
public record Format(Form form, boolean sysAttrs) {
    public enum Form { NORMALIZED, KEY_VALUES, CONCISE }

    public static final Format NORMALIZED = new Format(Form.NORMALIZED, false);

    /** Parses {@code options} (comma list) and {@code format}; unknown options are 400. */
    public static Format parse(String options, String format) {
        Form form = Form.NORMALIZED;
        boolean sys = false;
        if (options != null && !options.isBlank()) {
            for (String o : options.split(",")) {
                switch (o.trim()) {
                    case "keyValues", "simplified" -> form = Form.KEY_VALUES;
                    case "concise" -> form = Form.CONCISE;
                    case "normalized" -> form = Form.NORMALIZED;
                    case "sysAttrs" -> sys = true;
                    case "count", "noOverwrite", "replace", "update", "" -> { }
                    default -> throw Ngsi.badData("unknown option '" + o.trim() + "'");
                }
            }
        }
        if (format != null && !format.isBlank()) {
            form = switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "keyvalues", "simplified" -> Form.KEY_VALUES;
                case "concise" -> Form.CONCISE;
                case "normalized" -> Form.NORMALIZED;
                default -> throw Ngsi.badData("unknown format '" + format + "'");
            };
        }
        return new Format(form, sys);
    }
}
