/** The local stack: one command that runs Kafka, PostgreSQL and every Whistle service on one machine. */
@NullMarked
package org.whistle.localstack;

import org.jspecify.annotations.NullMarked;
