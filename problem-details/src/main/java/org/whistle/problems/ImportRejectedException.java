package org.whistle.problems;

import java.util.List;

/** A bulk import with at least one bad row: nothing of it was stored; rendered as 422 listing every bad row. */
public class ImportRejectedException extends RuntimeException {

    private final List<RowError> rows;

    public ImportRejectedException(List<RowError> rows) {
        super(rows.size() + " rejected row(s), first: " + (rows.isEmpty() ? "-" : rows.getFirst()));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a rejected import names at least one row");
        }
        this.rows = List.copyOf(rows);
    }

    public List<RowError> rows() {
        return rows;
    }
}
