package org.whistle.intake.raising.domain;

/** An org node or unit by code and name: a whistle's grid, street or fallback owner. */
public record Place(String id, String name) {}
