/**
 * Bulk import: reading CSV and GeoJSON files into rows, collecting every bad row, and storing nothing unless all
 * rows are good.
 */
@NullMarked
package org.whistle.orgregistry.importing;

import org.jspecify.annotations.NullMarked;
