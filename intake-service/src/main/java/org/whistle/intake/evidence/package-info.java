/**
 * Evidence media: the photos and videos a whistle carries, recognised by their bytes, held to size limits, stripped of
 * location metadata where that can be done safely, hashed, and kept in a media store.
 */
@NullMarked
package org.whistle.intake.evidence;

import org.jspecify.annotations.NullMarked;
