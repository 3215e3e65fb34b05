/** The ratings to give, a unit's ratings, appeals to decide: the HTTP face of 双考核. */
@NullMarked
package org.whistle.evaluation.ratings.web;

import org.jspecify.annotations.NullMarked;
