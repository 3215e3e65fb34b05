/** evaluation-service through the gateway: a generated month of the demo city, its figures and 双考核. */
@NullMarked
package org.whistle.systemtests.evaluation;

import org.jspecify.annotations.NullMarked;
