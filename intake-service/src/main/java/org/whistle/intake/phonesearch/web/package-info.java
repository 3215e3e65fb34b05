/** The search by phone number over HTTP. */
@NullMarked
package org.whistle.intake.phonesearch.web;

import org.jspecify.annotations.NullMarked;
