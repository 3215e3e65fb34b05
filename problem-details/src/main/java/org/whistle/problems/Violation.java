package org.whistle.problems;

/**
 * One thing wrong with a request: the field (a JSON path such as {@code location.lat}, or a CSV column) and why.
 */
public record Violation(String field, String message) {}
