/** HTTP edge of raising: JSON and multipart requests, nearby whistles, supporting reports. */
@NullMarked
package org.whistle.intake.raising.web;

import org.jspecify.annotations.NullMarked;
