package org.whistle.intake.raising.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.whistle.security.TokenClaims;

/**
 * The WeChat open id of the signed-in caller: their access token's {@code wechat_openid} claim, which org-registry
 * puts there only for a resident WeChat itself vouched for (ADR 0046). A request body never names it. A claim that is
 * not an open id's shape is ignored rather than stored.
 */
final class WechatOpenIds {

    private static final Pattern OPEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private WechatOpenIds() {}

    static @Nullable String ofCurrentToken() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return null;
        }
        var openId = token.getToken().getClaimAsString(TokenClaims.WECHAT_OPENID);
        return openId != null && OPEN_ID.matcher(openId).matches() ? openId : null;
    }
}
