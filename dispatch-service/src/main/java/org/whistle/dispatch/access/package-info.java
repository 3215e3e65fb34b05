/** Who may see and change which ticket: role, org scope, command level and unit (design §7). */
@NullMarked
package org.whistle.dispatch.access;

import org.jspecify.annotations.NullMarked;
