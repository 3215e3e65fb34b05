/** Who may call the API: bearer tokens checked on every request, writes for administrators only. */
@NullMarked
package org.whistle.orgregistry.access;

import org.jspecify.annotations.NullMarked;
