/**
 * Who may do what, through the gateway: the authorisation matrix (every role × every endpoint × inside and outside
 * the caller's scope), tokens that must be refused, and personal data masked for those who need not see it.
 */
@NullMarked
package org.whistle.systemtests.access;

import org.jspecify.annotations.NullMarked;
