/** The HTTP edge: command-centre and unit actions, ticket detail, queues and the overview. */
@NullMarked
package org.whistle.dispatch.web;

import org.jspecify.annotations.NullMarked;
