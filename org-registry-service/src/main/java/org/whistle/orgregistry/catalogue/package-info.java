/**
 * Event categories (大类/小类): what a whistle is about, which resolve deadline class it falls in and how urgent it is
 * by default. Kept, validated, retired, imported and published to {@code org-categories}.
 */
@NullMarked
package org.whistle.orgregistry.catalogue;

import org.jspecify.annotations.NullMarked;
