package org.whistle.systemtests.access;

/** Whether a case's target lies inside the caller's org scope (its street, district, unit, own whistle) or not. */
enum Scope {
    IN,
    OUT
}
