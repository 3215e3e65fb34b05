package org.whistle.problems;

import org.jspecify.annotations.Nullable;

/** One rejected row of a bulk import: the file, its 1-based row number (the header is row 1), the column and why. */
public record RowError(String file, int row, @Nullable String column, String message) {}
