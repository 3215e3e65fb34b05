package org.whistle.orgreference.domain.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.whistle.events.GeoPoint;

class GridIndexTest {

    // Dyadic coordinates throughout, so midpoints of edges are exactly representable and exactly on the border.
    private static final Polygon WEST = rectangle(123.5, 47.0, 124.0, 47.5);
    private static final Polygon EAST = rectangle(124.0, 47.0, 124.5, 47.5);

    @Test
    void resolvesAPointInsideAGridToThatGrid() {
        var index = GridIndex.of(Map.of("west", WEST, "east", EAST));

        assertThat(index.gridAt(new GeoPoint(47.25, 123.75))).contains("west");
        assertThat(index.gridAt(new GeoPoint(47.25, 124.25))).contains("east");
    }

    @Test
    void findsNoGridForAPointOutsideEveryGrid() {
        var index = GridIndex.of(Map.of("west", WEST, "east", EAST));

        assertThat(index.gridAt(new GeoPoint(47.75, 123.75))).isEmpty();
        assertThat(index.gridAt(new GeoPoint(47.25, 125.0))).isEmpty();
    }

    @Test
    void resolvesAPointOnAGridsOwnBoundaryToThatGrid() {
        var index = GridIndex.of(Map.of("west", WEST, "east", EAST));

        assertThat(index.gridAt(new GeoPoint(47.0, 123.75))).contains("west");
        assertThat(index.gridAt(new GeoPoint(47.5, 123.5))).contains("west");
        assertThat(index.gridAt(new GeoPoint(47.25, 124.5))).contains("east");
    }

    @Test
    void resolvesAPointOnASharedBorderToTheSmallerGridId() {
        // Lexicographic, not numeric: "grid-10" sorts before "grid-2".
        var index = GridIndex.of(Map.of("grid-2", WEST, "grid-10", EAST));

        assertThat(index.gridAt(new GeoPoint(47.25, 124.0))).contains("grid-10");
        assertThat(index.gridAt(new GeoPoint(47.0, 124.0))).contains("grid-10");
        assertThat(index.gridAt(new GeoPoint(47.25, 123.75))).contains("grid-2");
    }

    @Test
    void resolvesACornerSharedByFourGridsToTheSmallestGridId() {
        var index = GridIndex.of(Map.of(
                "d", rectangle(0, 0, 1, 1),
                "b", rectangle(1, 0, 2, 1),
                "c", rectangle(0, 1, 1, 2),
                "e", rectangle(1, 1, 2, 2)));

        assertThat(index.gridAt(new GeoPoint(1, 1))).contains("b");
    }

    @Test
    void treatsAPointInAHoleAsOutsideThePolygon() {
        var ring = rectangle(123.5, 47.0, 124.0, 47.5);
        var withHole = withHole(ring, rectangle(123.625, 47.125, 123.875, 47.375));
        var index = GridIndex.of(Map.of("ring", withHole));

        assertThat(index.gridAt(new GeoPoint(47.25, 123.75))).isEmpty();
        assertThat(index.gridAt(new GeoPoint(47.0625, 123.75))).contains("ring");
        assertThat(index.gridAt(new GeoPoint(47.125, 123.75)))
                .as("on the hole's edge")
                .contains("ring");
    }

    @Test
    void resolvesAPointInAHoleToTheGridThatFillsIt() {
        var hole = rectangle(123.625, 47.125, 123.875, 47.375);
        var index = GridIndex.of(Map.of("outer", withHole(WEST, hole), "compound", hole));

        assertThat(index.gridAt(new GeoPoint(47.25, 123.75))).contains("compound");
        assertThat(index.gridAt(new GeoPoint(47.125, 123.75))).contains("compound");
        assertThat(index.gridAt(new GeoPoint(47.0625, 123.75))).contains("outer");
    }

    @Test
    void resolvesPointsInEitherPartOfAMultiPolygon() {
        var parts = GridPolygons.WGS84.createMultiPolygon(
                new Polygon[] {rectangle(123.5, 47.0, 123.75, 47.25), rectangle(124.0, 47.25, 124.25, 47.5)});
        var index = GridIndex.of(Map.of("split", parts));

        assertThat(index.gridAt(new GeoPoint(47.125, 123.625))).contains("split");
        assertThat(index.gridAt(new GeoPoint(47.375, 124.125))).contains("split");
        assertThat(index.gridAt(new GeoPoint(47.25, 123.875)))
                .as("between the parts")
                .isEmpty();
    }

    @Test
    void resolvesOverlappingGridsToTheSmallerIdWhateverTheOrderTheyWereGivenIn() {
        var big = rectangle(123.5, 47.0, 124.0, 47.5);
        var small = rectangle(123.75, 47.25, 124.25, 47.75);
        var bigFirst = new LinkedHashMap<String, Geometry>();
        bigFirst.put("zeta", big);
        bigFirst.put("alpha", small);
        var smallFirst = new LinkedHashMap<String, Geometry>();
        smallFirst.put("alpha", small);
        smallFirst.put("zeta", big);

        for (var index : List.of(GridIndex.of(bigFirst), GridIndex.of(smallFirst))) {
            assertThat(index.gridAt(new GeoPoint(47.375, 123.875))).contains("alpha");
            assertThat(index.gridAt(new GeoPoint(47.125, 123.625))).contains("zeta");
        }
    }

    @Test
    void findsNothingWhenNoGridsAreIndexed() {
        var index = GridIndex.of(Map.of());

        assertThat(index.gridAt(new GeoPoint(47.25, 123.75))).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void refusesAnInvalidPolygonNamingTheGrid() {
        var bowTie = polygon(123.5, 47.0, 124.0, 47.5, 124.0, 47.0, 123.5, 47.5, 123.5, 47.0);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> GridIndex.of(Map.of("west", WEST, "bow-tie", bowTie)))
                .withMessageContaining("grid bow-tie")
                .withMessageContaining("Self-intersection");
    }

    @Test
    void refusesAGeometryThatIsNotAnArea() {
        var line = GridPolygons.WGS84.createLineString(
                new Coordinate[] {new Coordinate(123.5, 47.0), new Coordinate(124.0, 47.5)});

        assertThatIllegalArgumentException()
                .isThrownBy(() -> GridIndex.of(Map.of("line", line)))
                .withMessageContaining("grid line")
                .withMessageContaining("expected a Polygon or MultiPolygon");
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 20260611L, 424242L})
    void agreesWithABruteForceScanOverThePolygonsForThousandsOfRandomPoints(long seed) {
        var random = new Random(seed);
        var layout = RandomLayout.generate(random);
        var index = GridIndex.of(layout.grids());

        var disagreements = IntStream.range(0, layout.queries().size())
                .parallel()
                .mapToObj(layout.queries()::get)
                .filter(point -> !index.gridAt(point).equals(bruteForce(layout.grids(), point)))
                .toList();

        assertThat(layout.queries()).hasSizeGreaterThan(2500);
        assertThat(disagreements).isEmpty();
    }

    private static Optional<String> bruteForce(Map<String, Geometry> grids, GeoPoint point) {
        var location = GridPolygons.WGS84.createPoint(new Coordinate(point.lng(), point.lat()));
        return grids.entrySet().stream()
                .filter(grid -> grid.getValue().covers(location))
                .map(Map.Entry::getKey)
                .min(Comparator.naturalOrder());
    }

    /**
     * A perturbed lattice of grids sharing borders, some with holes, overlaid with random star-shaped grids and
     * multi-part grids; queries mix uniform points with vertices and edge midpoints, where the border rule matters.
     */
    private record RandomLayout(Map<String, Geometry> grids, List<GeoPoint> queries) {

        private static final double STEP = 1.0 / 16;
        private static final double JITTER = 1.0 / 1024;
        private static final int COLUMNS = 8;
        private static final int ROWS = 6;
        private static final double MIN_LNG = 123.75;
        private static final double MIN_LAT = 47.25;

        static RandomLayout generate(Random random) {
            var vertices = new Coordinate[COLUMNS + 1][ROWS + 1];
            for (int i = 0; i <= COLUMNS; i++) {
                for (int j = 0; j <= ROWS; j++) {
                    boolean inner = i > 0 && i < COLUMNS && j > 0 && j < ROWS;
                    double dx = inner ? (random.nextInt(33) - 16) * JITTER : 0;
                    double dy = inner ? (random.nextInt(33) - 16) * JITTER : 0;
                    vertices[i][j] = new Coordinate(MIN_LNG + i * STEP + dx, MIN_LAT + j * STEP + dy);
                }
            }
            var ids = new ArrayList<String>();
            for (int n = 0; n < COLUMNS * ROWS + 20; n++) {
                ids.add("g" + n);
            }
            Collections.shuffle(ids, random);
            var grids = new LinkedHashMap<String, Geometry>();
            var queries = new ArrayList<GeoPoint>();
            int next = 0;
            for (int i = 0; i < COLUMNS; i++) {
                for (int j = 0; j < ROWS; j++) {
                    var corners = new Coordinate[] {
                        vertices[i][j], vertices[i + 1][j], vertices[i + 1][j + 1], vertices[i][j + 1], vertices[i][j]
                    };
                    var shell = GridPolygons.WGS84.createLinearRing(corners);
                    var centre = new Coordinate(
                            (corners[0].x + corners[1].x + corners[2].x + corners[3].x) / 4,
                            (corners[0].y + corners[1].y + corners[2].y + corners[3].y) / 4);
                    LinearRing[] holes = new LinearRing[0];
                    if (random.nextInt(4) == 0) {
                        var hole = diamond(centre, 1.0 / 128);
                        holes = new LinearRing[] {hole};
                        addVerticesAndMidpoints(hole.getCoordinates(), queries);
                    }
                    grids.put(ids.get(next++), GridPolygons.WGS84.createPolygon(shell, holes));
                    addVerticesAndMidpoints(corners, queries);
                }
            }
            while (next < ids.size()) {
                var star = star(random);
                Geometry grid = random.nextInt(3) == 0
                        ? GridPolygons.WGS84.createMultiPolygon(new Polygon[] {star, star(random)})
                        : star;
                if (grid.isValid()) {
                    grids.put(ids.get(next), grid);
                    addVerticesAndMidpoints(grid.getCoordinates(), queries);
                }
                next++;
            }
            for (int n = 0; n < 2000; n++) {
                queries.add(new GeoPoint(
                        MIN_LAT - 0.05 + random.nextDouble() * (ROWS * STEP + 0.1),
                        MIN_LNG - 0.05 + random.nextDouble() * (COLUMNS * STEP + 0.1)));
            }
            Collections.shuffle(queries, random);
            return new RandomLayout(grids, queries);
        }

        private static Polygon star(Random random) {
            double cx = MIN_LNG + random.nextInt(COLUMNS * 64) / 512.0;
            double cy = MIN_LAT + random.nextInt(ROWS * 64) / 512.0;
            int points = 5 + random.nextInt(8);
            var ring = new Coordinate[points + 1];
            for (int k = 0; k < points; k++) {
                double angle = 2 * Math.PI * k / points;
                double radius = (8 + random.nextInt(40)) / 1024.0;
                ring[k] = new Coordinate(
                        cx + Math.rint(radius * Math.cos(angle) * 4096) / 4096,
                        cy + Math.rint(radius * Math.sin(angle) * 4096) / 4096);
            }
            ring[points] = ring[0];
            return GridPolygons.WGS84.createPolygon(ring);
        }

        private static LinearRing diamond(Coordinate centre, double radius) {
            return GridPolygons.WGS84.createLinearRing(new Coordinate[] {
                new Coordinate(centre.x, centre.y - radius),
                new Coordinate(centre.x + radius, centre.y),
                new Coordinate(centre.x, centre.y + radius),
                new Coordinate(centre.x - radius, centre.y),
                new Coordinate(centre.x, centre.y - radius)
            });
        }

        private static void addVerticesAndMidpoints(Coordinate[] ring, List<GeoPoint> queries) {
            for (int k = 0; k + 1 < ring.length; k++) {
                queries.add(new GeoPoint(ring[k].y, ring[k].x));
                queries.add(new GeoPoint((ring[k].y + ring[k + 1].y) / 2, (ring[k].x + ring[k + 1].x) / 2));
            }
        }
    }

    private static Polygon rectangle(double minLng, double minLat, double maxLng, double maxLat) {
        return polygon(minLng, minLat, maxLng, minLat, maxLng, maxLat, minLng, maxLat, minLng, minLat);
    }

    private static Polygon withHole(Polygon shell, Polygon hole) {
        return GridPolygons.WGS84.createPolygon(shell.getExteriorRing(), new LinearRing[] {hole.getExteriorRing()});
    }

    private static Polygon polygon(double... lngLat) {
        var coordinates = new Coordinate[lngLat.length / 2];
        for (int k = 0; k < coordinates.length; k++) {
            coordinates[k] = new Coordinate(lngLat[2 * k], lngLat[2 * k + 1]);
        }
        return GridPolygons.WGS84.createPolygon(coordinates);
    }
}
