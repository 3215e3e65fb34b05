/** Helpers shared by the capabilities' web edges. */
@NullMarked
package org.whistle.orgregistry.web;

import org.jspecify.annotations.NullMarked;
