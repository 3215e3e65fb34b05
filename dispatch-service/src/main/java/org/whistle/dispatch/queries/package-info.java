/** Read models in plain SQL: a ticket's detail, work queues and overview numbers. */
@NullMarked
package org.whistle.dispatch.queries;

import org.jspecify.annotations.NullMarked;
