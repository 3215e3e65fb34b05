/**
 * Who is asking: accounts, roles, posts, OAuth2 clients, and the authorization server that issues their tokens.
 */
@NullMarked
package org.whistle.orgregistry.identity;

import org.jspecify.annotations.NullMarked;
