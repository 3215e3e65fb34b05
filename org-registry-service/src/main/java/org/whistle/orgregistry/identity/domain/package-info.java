/** Accounts, posts and client bindings as plain values with their rules: no framework, tested on their own. */
@NullMarked
package org.whistle.orgregistry.identity.domain;

import org.jspecify.annotations.NullMarked;
