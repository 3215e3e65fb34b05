/**
 * The SMS providers' request signing (Alibaba Cloud's RPC signature, Tencent Cloud's TC3-HMAC-SHA256) and the
 * templates registered by name, stated without Spring so that each can be checked against the provider's documented
 * example.
 */
@NullMarked
package org.whistle.notification.textmessages.domain;

import org.jspecify.annotations.NullMarked;
