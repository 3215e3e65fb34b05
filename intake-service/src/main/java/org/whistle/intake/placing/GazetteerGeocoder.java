package org.whistle.intake.placing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.whistle.intake.placing.domain.PlaceNames;
import org.whistle.orgreference.copy.OrgReferenceCopy;

/**
 * The offline geocoder: a list of roads and landmarks, each pointing at the grid, compound, community or street it
 * lies in, read once at start. The local stack gives it the demo city's {@code demo/city/gazetteer.csv}.
 */
public final class GazetteerGeocoder implements Geocoder {

    /** A road runs through many grids; a landmark stands in one place. */
    static final int ROAD_WEIGHT = 3;

    static final int LANDMARK_WEIGHT = 5;

    /** The nodes whose names say where a point is; a district's roads say too little. */
    private static final java.util.Set<String> LOCAL_KINDS =
            java.util.Set.of("GRID", "COMPOUND", "COMMUNITY", "STREET");

    /** More names than this is not a gazetteer a person keeps by hand; refuse it rather than hold it all. */
    static final int MAX_ENTRIES = 100_000;

    private final List<PlaceNames.Name> names;

    GazetteerGeocoder(List<PlaceNames.Name> names) {
        this.names = List.copyOf(names);
    }

    /** Reads the gazetteer file; no file, no names. */
    static GazetteerGeocoder read(@Nullable String path) {
        if (path == null || path.isBlank()) {
            return new GazetteerGeocoder(List.of());
        }
        var file = Path.of(path.strip());
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the gazetteer " + file, e);
        }
        if (lines.size() > MAX_ENTRIES + 1) {
            throw new IllegalStateException("The gazetteer " + file + " holds more than " + MAX_ENTRIES + " names");
        }
        var names = new ArrayList<PlaceNames.Name>();
        for (int i = 1; i < lines.size(); i++) {
            var line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            var columns = line.split(",", -1);
            if (columns.length != 3 || columns[0].isBlank() || columns[1].isBlank()) {
                throw new IllegalStateException(
                        "The gazetteer " + file + " line " + (i + 1) + " is not name,node_code,kind");
            }
            var kind = columns[2].strip().toUpperCase(Locale.ROOT);
            var name = switch (kind) {
                case "ROAD" -> new PlaceNames.Name(columns[1].strip(), columns[0].strip(), "道路", ROAD_WEIGHT);
                case "LANDMARK" -> new PlaceNames.Name(columns[1].strip(), columns[0].strip(), "地标", LANDMARK_WEIGHT);
                default ->
                    throw new IllegalStateException(
                            "The gazetteer " + file + " line " + (i + 1) + " has kind " + kind + "; ROAD or LANDMARK");
            };
            names.add(name);
        }
        return new GazetteerGeocoder(names);
    }

    @Override
    public List<PlaceNames.Found> find(String address) {
        return PlaceNames.find(address, names);
    }

    /** The names pointing at the point's grid, then at its compound, community and street; no district's or city's. */
    @Override
    public List<PlaceNames.Name> reverse(OrgReferenceCopy.Location located) {
        var around = new ArrayList<PlaceNames.Name>();
        var chain = located.ancestry();
        for (int i = chain.size() - 1; i >= 0; i--) {
            var node = chain.get(i);
            if (!LOCAL_KINDS.contains(node.kind())) {
                continue;
            }
            for (var name : names) {
                if (name.nodeId().equals(node.unitId()) || name.nodeId().equals(node.code())) {
                    around.add(name);
                }
            }
        }
        return List.copyOf(around);
    }
}
