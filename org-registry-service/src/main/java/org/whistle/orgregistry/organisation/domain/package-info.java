/** The organisation's rules: which node may sit under which, what a unit may answer for, what a valid code is. */
@NullMarked
package org.whistle.orgregistry.organisation.domain;

import org.jspecify.annotations.NullMarked;
