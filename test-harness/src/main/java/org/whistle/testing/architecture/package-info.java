/** ArchUnit rules every service applies to its own classes. */
@NullMarked
package org.whistle.testing.architecture;

import org.jspecify.annotations.NullMarked;
