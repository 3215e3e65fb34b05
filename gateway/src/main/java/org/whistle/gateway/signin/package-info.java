/**
 * Signing people in for the web pages (backend-for-frontend): the gateway is org-registry's confidential OAuth2
 * client {@code whistle-gateway}, keeps the person's tokens in a server-side session behind an HttpOnly cookie,
 * relays the access token to the services, and guards cookie-authenticated writes with a CSRF token. Department
 * systems are untouched: they call with their own client-credentials tokens.
 */
@NullMarked
package org.whistle.gateway.signin;

import org.jspecify.annotations.NullMarked;
