package org.whistle.orgregistry.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;
import org.whistle.orgregistry.identity.WechatIdentities.AppKind;
import org.whistle.orgregistry.identity.WechatSignInRefused.Reason;
import org.whistle.orgregistry.identity.domain.Account;

/**
 * The official account's web authorization (网页授权), the browser's pages of a WeChat sign-in (not API: like
 * {@code /login}, outside the OpenAPI document). In WeChat's browser the login page's 微信登录 (or a link straight to
 * {@code /login/wechat}) sends the resident to the official account's authorize page with a {@code state} bound to
 * this browser session; WeChat sends them back to the callback with a code, which only WeChat's answer turns into an
 * open id. Every refusal is told in Chinese,
 * with no WeChat code in it.
 */
@Controller
class WechatSignInPages {

    static final String STATE = WechatSignInPages.class.getName() + ".state";

    private final WechatProperties properties;
    private final WechatApi api;
    private final WechatSignIn signIn;
    private final SecureRandom random = new SecureRandom();
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    WechatSignInPages(WechatProperties properties, WechatApi api, WechatSignIn signIn) {
        this.properties = properties;
        this.api = api;
        this.signIn = signIn;
    }

    /** Off to WeChat's authorize page, with a fresh state kept in this session. */
    @GetMapping(path = WechatSignInConfiguration.START, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> start(HttpServletRequest request) {
        var app = properties.officialAccount();
        if (!app.configured()) {
            return refusal(new WechatSignInRefused(Reason.NOT_OFFERED), HttpStatus.NOT_FOUND);
        }
        var bytes = new byte[24];
        random.nextBytes(bytes);
        var state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.getSession(true).setAttribute(STATE, state);
        var callback = ServletUriComponentsBuilder.fromContextPath(request)
                .path(WechatSignInConfiguration.CALLBACK)
                .build()
                .toUriString();
        var target = properties.authorizeUrl() + "?appid=" + encode(app.appId()) + "&redirect_uri="
                + encode(callback) + "&response_type=code&scope=" + encode(app.scope()) + "&state=" + state
                + "#wechat_redirect";
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(target))
                .build();
    }

    /**
     * WeChat's way back: the state must be the one this session was sent with (once), the code WeChat's; then the
     * resident is signed in to this session (a new session id) and goes on where the login page would have sent them.
     */
    @GetMapping(path = WechatSignInConfiguration.CALLBACK, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> callback(
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String state) {
        if (!properties.officialAccount().configured()) {
            return refusal(new WechatSignInRefused(Reason.NOT_OFFERED), HttpStatus.NOT_FOUND);
        }
        var session = request.getSession(false);
        var expected = session == null ? null : (String) session.getAttribute(STATE);
        if (session != null) {
            session.removeAttribute(STATE);
        }
        if (expected == null
                || state == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), state.getBytes(StandardCharsets.UTF_8))) {
            return refusal(new WechatSignInRefused(Reason.STATE_MISMATCH), HttpStatus.BAD_REQUEST);
        }
        if (code == null || code.isBlank()) {
            // WeChat comes back without a code when the resident did not agree (snsapi_userinfo).
            return refusal(new WechatSignInRefused(Reason.DECLINED), HttpStatus.FORBIDDEN);
        }
        if (!WechatApi.wellFormedCode(code)) {
            return refusal(new WechatSignInRefused(Reason.CODE_INVALID), HttpStatus.BAD_REQUEST);
        }
        Account account;
        try {
            account = signIn.signIn(api.officialAccountCode(code), AppKind.OFFICIAL_ACCOUNT, request.getRemoteAddr());
        } catch (WechatSignInRefused refused) {
            return refusal(refused, status(refused.reason()));
        }
        var authorities = account.profile().roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername(account.username())
                        .password("")
                        .authorities(authorities)
                        .build(),
                null,
                granted(authorities));
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.saveContext(context, request, response);
        var saved = savedRequests.getRequest(request, response);
        var next = saved == null
                ? ServletUriComponentsBuilder.fromContextPath(request).path("/").toUriString()
                : saved.getRedirectUrl();
        savedRequests.removeRequest(request, response);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(next))
                .build();
    }

    /**
     * The roles, and WeChat's authorization code as the factor: it tells the authorization server when the resident
     * authenticated (the ID token's {@code auth_time}), as the password factor does for the login form.
     */
    private static List<GrantedAuthority> granted(List<SimpleGrantedAuthority> roles) {
        var granted = new ArrayList<GrantedAuthority>(roles);
        granted.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
        return granted;
    }

    static HttpStatus status(Reason reason) {
        return switch (reason) {
            case NOT_OFFERED -> HttpStatus.NOT_FOUND;
            case STATE_MISMATCH, CODE_INVALID -> HttpStatus.BAD_REQUEST;
            case DECLINED, ACCOUNT_DISABLED, USER_AT_RISK -> HttpStatus.FORBIDDEN;
            case APP_MISCONFIGURED, BUSY, UNREACHABLE, UNREADABLE, OTHER -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** A page in plain Chinese saying why, with the way back to the login page. */
    private static ResponseEntity<String> refusal(WechatSignInRefused refused, HttpStatus status) {
        var html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>吹哨报到 · 微信登录</title></head>
                <body><main><h1>微信登录未成功</h1><p role="alert">%s</p><p><a href="/login">返回登录页</a></p></main></body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(refused.text(), "UTF-8"));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Language", "zh-CN")
                .header("Content-Security-Policy", "default-src 'none'; base-uri 'none'; frame-ancestors 'none'")
                .body(html);
    }

    private static String encode(@Nullable String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
