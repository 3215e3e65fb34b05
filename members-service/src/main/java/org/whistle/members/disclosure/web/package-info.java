/** The HTTP edge of 公示. */
@NullMarked
package org.whistle.members.disclosure.web;

import org.jspecify.annotations.NullMarked;
