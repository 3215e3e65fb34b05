/** The console's server side inside the gateway: its pages' security policy, its configuration, its short links. */
@NullMarked
package org.whistle.console;

import org.jspecify.annotations.NullMarked;
