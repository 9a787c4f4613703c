package de.hanse.ngsild.federation;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Via} header of a request (RFC 9110 §7.6.3): the chain of brokers it passed. Used for loop detection
 * with NGSI-LD source identities (clause 4.3.6.4). Immutable.
 */
public final class Via {
    private final String header;
    private final List<String> aliases;

    private Via(String header, List<String> aliases) {
        this.header = header;
        this.aliases = List.copyOf(aliases);
    }

    /** Parses {@code 1.1 a, 1.1 b}; a null or blank header is the empty chain. */
    public static Via parse(String header) {
        List<String> out = new ArrayList<>();
        if (header != null && !header.isBlank()) {
            if (header.length() > 8_192) header = header.substring(0, 8_192);
            for (String hop : header.split(",")) {
                String[] parts = hop.strip().split("\\s+");
                if (parts.length >= 2) out.add(parts[1]);
                else if (parts.length == 1 && !parts[0].isEmpty()) out.add(parts[0]);
            }
        }
        return new Via(header == null || header.isBlank() ? null : header.strip(), out);
    }

    public boolean contains(String alias) {
        return aliases.contains(alias);
    }

    public int hops() {
        return aliases.size();
    }

    /** The header to send onwards: this chain plus {@code 1.1 <self>}. */
    public String append(String self) {
        return (header == null ? "" : header + ", ") + "1.1 " + self;
    }
}
