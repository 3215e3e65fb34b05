/**
 * The web edge shared by every capability's {@code web} package: how texts read in Chinese, who a change is recorded
 * as, and the wire shapes several APIs share (ADR 0022).
 */
@NullMarked
package org.whistle.evaluation.web;

import org.jspecify.annotations.NullMarked;
