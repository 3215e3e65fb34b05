package org.whistle.orgregistry.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.whistle.orgregistry.identity.UpstreamProperties;

/**
 * The login page: plain HTML with the CSRF token, in Chinese unless {@code ?lang=en} or the browser prefers
 * English: a wrong password (or an unknown name — the same words), too many failures (how many seconds to wait), and,
 * only after the right password, a lock or a disabled account.
 */
@Controller
class LoginPage {

    /** The page's only style, allowed by its hash in the page's Content-Security-Policy and nothing else. */
    static final String STYLE = """
            body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
            font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f3f5f8;color:#1f2933}
            main{background:#fff;padding:2rem 2.25rem;border-radius:10px;box-shadow:0 2px 12px rgba(0,0,0,.08);
            width:min(22rem,90vw)}
            h1{font-size:1.35rem;margin:0 0 1.25rem}
            label{display:block;margin:.75rem 0 .3rem;font-size:.95rem}
            input{box-sizing:border-box;width:100%;padding:.6rem;border:1px solid #cbd2d9;border-radius:6px;font-size:1rem}
            button{margin-top:1.25rem;width:100%;padding:.65rem;border:0;border-radius:6px;background:#c62828;color:#fff;
            font-size:1rem;cursor:pointer}
            .message{padding:.6rem .75rem;border-radius:6px;background:#fdecea;color:#8a1c1c;font-size:.9rem}
            .message.info{background:#e8f1fb;color:#1c4f8a}
            nav{margin-top:1rem;text-align:right;font-size:.85rem}
            nav a{color:#52606d}
            .upstream{display:block;margin-top:.75rem;padding:.6rem;border:1px solid #c62828;border-radius:6px;
            color:#c62828;text-align:center;text-decoration:none;font-size:1rem}
            """;

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none'; frame-ancestors 'none'";

    private final UpstreamProperties upstream;

    /** Whether residents may sign in through the official account (ADR 0046): then the page offers 微信登录. */
    private final boolean wechat;

    LoginPage(
            UpstreamProperties upstream,
            @org.springframework.beans.factory.annotation.Value("${whistle.identity.wechat.official-account.app-id:}")
                    String wechatAppId) {
        this.upstream = upstream;
        this.wechat = !wechatAppId.isBlank();
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String logout,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String wait) {
        var text = english(request, lang) ? Text.EN : Text.ZH;
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = null;
        if (error != null) {
            message = switch (error) {
                case "throttled" -> text.throttled.formatted(seconds(wait));
                case "locked" -> text.locked;
                case "disabled" -> text.disabled;
                case "upstream-unknown" -> Upstream.of(text).unknown;
                case "upstream-linked-elsewhere" -> Upstream.of(text).linkedElsewhere;
                case "upstream-failed" -> Upstream.of(text).failed;
                case "upstream-unavailable" -> Upstream.of(text).unavailable;
                default -> text.badCredentials;
            };
        } else if (logout != null) {
            message = text.loggedOut;
        }
        var html = """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>%s</style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s
                <form method="post" action="login">
                <label for="username">%s</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">%s</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="lang" value="%s">
                %s
                <button type="submit">%s</button>
                </form>
                %s
                <nav>%s<a href="login?lang=%s">%s</a></nav>
                </main>
                </body>
                </html>
                """.formatted(
                        text.htmlLang,
                        text.title,
                        STYLE,
                        text.title,
                        message == null
                                ? ""
                                : "<p class=\"message%s\" role=\"alert\">%s</p>"
                                        .formatted(logout != null && error == null ? " info" : "", escape(message)),
                        text.username,
                        text.password,
                        text.lang,
                        csrf == null
                                ? ""
                                : "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
                                        .formatted(escape(csrf.getParameterName()), escape(csrf.getToken())),
                        text.submit,
                        upstreamButton(text),
                        wechat ? "<a href=\"login/wechat\">%s</a> · ".formatted(text.wechat) : "",
                        text.otherLang,
                        text.otherLangName);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Language", text.htmlLang)
                // Served to browsers through the gateway, whose stricter default would otherwise drop the style.
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(html);
    }

    /** The way in through the city's identity platform, when one is configured (ADR 0047). */
    private String upstreamButton(Text text) {
        if (!upstream.enabled()) {
            return "";
        }
        return "<a class=\"upstream\" href=\"%s\">%s</a>"
                .formatted(
                        escape(UpstreamProperties.START.substring(1)),
                        escape(text == Text.EN ? upstream.nameEn() : upstream.name()));
    }

    private static String sha256(String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The servlet container would answer its own default locale when the browser names none, so read the header. */
    private static boolean english(HttpServletRequest request, @Nullable String lang) {
        if (lang != null) {
            return lang.equals("en");
        }
        var header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            for (var range : Locale.LanguageRange.parse(header)) {
                var language = range.getRange().split("-")[0];
                if (language.equals("en")) {
                    return true;
                }
                if (language.equals("zh")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /** The wait the login form was sent back with, as a number of seconds between 1 and a day. */
    private static long seconds(@Nullable String wait) {
        try {
            return wait == null ? 1 : Math.clamp(Long.parseLong(wait), 1, 86_400);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** Why a sign-in through the city's identity platform did not go through. */
    private enum Upstream {
        ZH(
                "您的统一身份认证账号尚未开通吹哨报到账号，请联系管理员开通后再登录。",
                "该吹哨报到账号已与另一个统一身份认证账号绑定，请联系管理员。",
                "统一身份认证登录未完成，请重试，或用用户名和密码登录。",
                "暂时连不上统一身份认证平台，请稍后再试，或用用户名和密码登录。"),
        EN(
                "Your account at the city's identity platform has no Whistle account. Ask an administrator to open one.",
                "This Whistle account is linked to another account of the identity platform. Please contact an"
                        + " administrator.",
                "Signing in through the identity platform did not complete. Try again, or sign in with your password.",
                "The identity platform cannot be reached now. Try again later, or sign in with your password.");

        final String unknown;
        final String linkedElsewhere;
        final String failed;
        final String unavailable;

        Upstream(String unknown, String linkedElsewhere, String failed, String unavailable) {
            this.unknown = unknown;
            this.linkedElsewhere = linkedElsewhere;
            this.failed = failed;
            this.unavailable = unavailable;
        }

        static Upstream of(Text text) {
            return text == Text.EN ? EN : ZH;
        }
    }

    private enum Text {
        ZH(
                "zh-CN",
                "zh",
                "吹哨报到 · 登录",
                "用户名",
                "密码",
                "登录",
                "用户名或密码错误。",
                "登录失败次数过多，请 %d 秒后再试。",
                "账号已被管理员锁定，请联系管理员。",
                "账号已停用，请联系管理员。",
                "您已退出登录。",
                "微信登录",
                "en",
                "English"),
        EN(
                "en",
                "en",
                "Whistle · Sign in",
                "Username",
                "Password",
                "Sign in",
                "Wrong username or password.",
                "Too many failed sign-ins. Try again in %d seconds.",
                "An administrator has locked this account. Please contact them.",
                "This account is disabled. Please contact an administrator.",
                "You have signed out.",
                "Sign in with WeChat",
                "zh",
                "中文");

        final String htmlLang;
        final String lang;
        final String title;
        final String username;
        final String password;
        final String submit;
        final String badCredentials;
        final String throttled;
        final String locked;
        final String disabled;
        final String loggedOut;
        final String wechat;
        final String otherLang;
        final String otherLangName;

        Text(
                String htmlLang,
                String lang,
                String title,
                String username,
                String password,
                String submit,
                String badCredentials,
                String throttled,
                String locked,
                String disabled,
                String loggedOut,
                String wechat,
                String otherLang,
                String otherLangName) {
            this.htmlLang = htmlLang;
            this.lang = lang;
            this.title = title;
            this.username = username;
            this.password = password;
            this.submit = submit;
            this.badCredentials = badCredentials;
            this.throttled = throttled;
            this.locked = locked;
            this.disabled = disabled;
            this.loggedOut = loggedOut;
            this.wechat = wechat;
            this.otherLang = otherLang;
            this.otherLangName = otherLangName;
        }
    }
}
