/** Real Kafka and PostgreSQL for tests, shared per JVM: embedded by default, Testcontainers where Docker runs. */
@NullMarked
package org.whistle.testing;

import org.jspecify.annotations.NullMarked;
