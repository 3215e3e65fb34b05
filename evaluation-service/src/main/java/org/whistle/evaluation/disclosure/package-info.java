/**
 * 考核结果公开: the city's setting that lets anyone, without an account, read the published figures and rankings of
 * closed periods (ADR 0033). Off by default; administrators turn it on or off with a reason, and every change is kept.
 * The public endpoints live beside the figures and rankings they show and ask {@link
 * org.whistle.evaluation.disclosure.Disclosure} first.
 */
@NullMarked
package org.whistle.evaluation.disclosure;

import org.jspecify.annotations.NullMarked;
