/** Real infrastructure inside a JVM: a single-node KRaft Kafka broker and an embedded PostgreSQL, no Spring. */
@NullMarked
package org.whistle.embedded;

import org.jspecify.annotations.NullMarked;
