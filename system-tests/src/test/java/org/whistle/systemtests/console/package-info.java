/** The console's pages in a real browser (Debian's headless Chromium), through the gateway of the running platform. */
@NullMarked
package org.whistle.systemtests.console;

import org.jspecify.annotations.NullMarked;
