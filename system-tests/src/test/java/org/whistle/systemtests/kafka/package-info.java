/** The platform's services on a Kafka cluster secured as production runs it: SASL_SSL (SCRAM) and ACLs. */
@NullMarked
package org.whistle.systemtests.kafka;

import org.jspecify.annotations.NullMarked;
