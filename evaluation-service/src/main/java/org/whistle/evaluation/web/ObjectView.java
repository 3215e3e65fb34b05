package org.whistle.evaluation.web;

import org.whistle.evaluation.organisation.Organisation;

/** The unit a figure or a ranking is about, as the pages name it; the figures and rankings APIs share it. */
public record ObjectView(String id, String name, String kind, String kindLabel) {
    public static ObjectView of(Organisation.Unit unit) {
        return new ObjectView(unit.id(), unit.name(), unit.kind(), Shown.kind(unit.kind()));
    }
}
