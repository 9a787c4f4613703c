package de.hanse.catalogue.search.extract;

/**
 * An axis-aligned WGS84 bounding box in degrees (longitude, latitude). Immutable.
 *
 * @param minLon western edge
 * @param minLat southern edge
 * @param maxLon eastern edge
 * @param maxLat northern edge
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public BoundingBox {
        if (!(minLon <= maxLon && minLat <= maxLat))
            throw new IllegalArgumentException("min must not exceed max: " + minLon + "," + minLat + "," + maxLon + "," + maxLat);
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90)
            throw new IllegalArgumentException("outside WGS84 range: " + minLon + "," + minLat + "," + maxLon + "," + maxLat);
    }

    /** The smallest box covering both. */
    public BoundingBox union(BoundingBox o) {
        if (o == null) return this;
        return new BoundingBox(Math.min(minLon, o.minLon), Math.min(minLat, o.minLat),
                Math.max(maxLon, o.maxLon), Math.max(maxLat, o.maxLat));
    }

    public boolean intersects(BoundingBox o) {
        return minLon <= o.maxLon && maxLon >= o.minLon && minLat <= o.maxLat && maxLat >= o.minLat;
    }

    /** Parses {@code minLon,minLat,maxLon,maxLat}; throws {@link IllegalArgumentException} with a reason. */
    public static BoundingBox parse(String s) {
        String[] p = s.split(",", -1);
        if (p.length != 4) throw new IllegalArgumentException("expected minLon,minLat,maxLon,maxLat (4 numbers), got " + p.length + " values");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("'" + p[i].trim() + "' is not a finite number");
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    public double[] toArray() {
        return new double[] {minLon, minLat, maxLon, maxLat};
    }
}
