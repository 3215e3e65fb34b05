/** The objection policy, without Spring. */
@NullMarked
package org.whistle.members.disclosure.domain;

import org.jspecify.annotations.NullMarked;
