/** The HTTP edge of the command actions: request bodies in, the ticket's detail out. */
@NullMarked
package org.whistle.dispatch.commanding.web;

import org.jspecify.annotations.NullMarked;
