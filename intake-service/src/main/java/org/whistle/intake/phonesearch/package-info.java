/**
 * A command centre finds the whistles raised with a phone number: by exact number, through a keyed hash (the stored
 * numbers are encrypted), in the dispatcher's own area, bounded, limited per caller and recorded as a personal-data
 * access (issue 23, ADR 0059). Never the tracking code.
 */
@NullMarked
package org.whistle.intake.phonesearch;

import org.jspecify.annotations.NullMarked;
