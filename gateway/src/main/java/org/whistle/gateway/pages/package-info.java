/**
 * What the gateway adds for the console pages it serves at {@code /}: their Content-Security-Policy and the
 * deployment's settings the pages read at start (the base-map tiles).
 */
@NullMarked
package org.whistle.gateway.pages;

import org.jspecify.annotations.NullMarked;
