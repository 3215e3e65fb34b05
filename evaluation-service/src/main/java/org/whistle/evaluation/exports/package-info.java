/** CSV (and XLSX) of every table the pages show. */
@NullMarked
package org.whistle.evaluation.exports;

import org.jspecify.annotations.NullMarked;
