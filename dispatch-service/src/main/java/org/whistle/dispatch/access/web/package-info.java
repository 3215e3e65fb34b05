/** A refused authorisation as the HTTP answer it is. */
@NullMarked
package org.whistle.dispatch.access.web;

import org.jspecify.annotations.NullMarked;
