/** The HTTP edge of the read models: a ticket's detail and proposal, queues and the overview. */
@NullMarked
package org.whistle.dispatch.queries.web;

import org.jspecify.annotations.NullMarked;
