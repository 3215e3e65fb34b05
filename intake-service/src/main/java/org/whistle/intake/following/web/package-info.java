/** HTTP edge of following up: status, tracking by code and phone, feedback and evidence. */
@NullMarked
package org.whistle.intake.following.web;

import org.jspecify.annotations.NullMarked;
