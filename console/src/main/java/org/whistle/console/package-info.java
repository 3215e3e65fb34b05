/** The console's one server-side piece inside the gateway: the short tracking link of text messages. */
@NullMarked
package org.whistle.console;

import org.jspecify.annotations.NullMarked;
