/** The HTTP edge of the exchange. */
@NullMarked
package org.whistle.members.exchange.web;

import org.jspecify.annotations.NullMarked;
