/** The rule-set and exemption API for administrators. */
@NullMarked
package org.whistle.evaluation.rules.web;

import org.jspecify.annotations.NullMarked;
