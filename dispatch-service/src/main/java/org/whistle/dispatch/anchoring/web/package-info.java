/** The HTTP edge of anchoring: a timeline verified against its anchors, and the key that signs them. */
@NullMarked
package org.whistle.dispatch.anchoring.web;

import org.jspecify.annotations.NullMarked;
