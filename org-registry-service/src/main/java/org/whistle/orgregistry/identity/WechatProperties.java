package org.whistle.orgregistry.identity;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code whistle.identity.wechat.*}: where WeChat is (its API and its authorize page, so the local stack can point
 * both at the development WeChat) and the apps residents sign in with. An app without an id or secret is off. The
 * AppSecrets come from the environment and never appear in {@link #toString()} (ADR 0046).
 */
@ConfigurationProperties("whistle.identity.wechat")
record WechatProperties(
        @DefaultValue("https://api.weixin.qq.com/") URI endpoint,

        @DefaultValue("https://open.weixin.qq.com/connect/oauth2/authorize")
        URI authorizeUrl,

        @DefaultValue("5s") Duration timeout,
        @DefaultValue App officialAccount,
        @DefaultValue App miniProgram) {

    /**
     * One WeChat app: its AppID and AppSecret and, for the official account's web authorization, the scope asked for
     * ({@code snsapi_base}: silent, the open id only; {@code snsapi_userinfo}: the resident confirms once).
     */
    record App(
            @Nullable String appId,
            @Nullable String appSecret,
            @DefaultValue("snsapi_base") String scope) {

        App {
            if (!scope.equals("snsapi_base") && !scope.equals("snsapi_userinfo")) {
                throw new IllegalArgumentException(
                        "whistle.identity.wechat.*.scope is snsapi_base or snsapi_userinfo, not " + scope);
            }
        }

        boolean configured() {
            return appId != null && !appId.isBlank() && appSecret != null && !appSecret.isBlank();
        }

        @Override
        public String toString() {
            return "App[appId=" + appId + ", scope=" + scope + "]";
        }
    }

    @Override
    public String toString() {
        return "WechatProperties[endpoint=" + endpoint + ", authorizeUrl=" + authorizeUrl + ", officialAccount="
                + officialAccount + ", miniProgram=" + miniProgram + "]";
    }
}
