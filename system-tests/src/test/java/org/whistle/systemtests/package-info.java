/** System tests: the platform as a developer or operator runs it, every service in its own process. */
@NullMarked
package org.whistle.systemtests;

import org.jspecify.annotations.NullMarked;
