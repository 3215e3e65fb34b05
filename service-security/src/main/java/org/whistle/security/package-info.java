/**
 * Who is calling, in every servlet service: the bearer token org-registry issued, checked against its published keys,
 * read into a {@link org.whistle.security.Caller} with roles, org scope and unit.
 */
@NullMarked
package org.whistle.security;

import org.jspecify.annotations.NullMarked;
