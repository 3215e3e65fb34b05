/** The configuration defaults shared by every service, written once. */
@NullMarked
package org.whistle.servicedefaults;

import org.jspecify.annotations.NullMarked;
