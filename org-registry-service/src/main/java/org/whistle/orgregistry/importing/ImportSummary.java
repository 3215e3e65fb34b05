package org.whistle.orgregistry.importing;

/**
 * What an accepted import did: rows read, and how many created, changed or left unchanged. Shared by every
 * reference-data import.
 */
public record ImportSummary(String file, int rows, int created, int updated, int unchanged) {

    public static ImportSummary of(String file, java.util.List<Saved> outcomes) {
        return new ImportSummary(
                file,
                outcomes.size(),
                (int) outcomes.stream().filter(o -> o == Saved.CREATED).count(),
                (int) outcomes.stream().filter(o -> o == Saved.UPDATED).count(),
                (int) outcomes.stream().filter(o -> o == Saved.UNCHANGED).count());
    }

    /** What saving one entity did. */
    public enum Saved {
        CREATED,
        UPDATED,
        /** The stored state was already the same: nothing written, nothing published, revision kept. */
        UNCHANGED
    }
}
