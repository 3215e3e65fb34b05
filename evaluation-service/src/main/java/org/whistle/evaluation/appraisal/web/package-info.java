/** Appraisals and secretary appraisals over HTTP, and the printable report. */
@NullMarked
package org.whistle.evaluation.appraisal.web;

import org.jspecify.annotations.NullMarked;
