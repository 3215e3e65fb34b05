package org.whistle.orgregistry.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgregistry.identity.WechatIdentities.AppKind;
import org.whistle.orgregistry.identity.WechatSignInRefused.Reason;

/**
 * A mini program's sign-in. See {@link WechatSignInPages} for the official account's web authorization.
 *
 * <p>WeChat's side of signing a resident in. In WeChat's browser the login page's 微信登录 (or a link straight to
 * {@code /login/wechat}) sends the resident to the official account's authorize page with a {@code state} bound to
 * this browser session; WeChat sends them back to the callback with a code, which only WeChat's answer turns into an
 * open id. A mini program posts its {@code wx.login} code and gets an access token. Every refusal is told in Chinese,
 * with no WeChat code in it.
 */
@RestController
@Tag(name = "wechat", description = "Residents signing in through WeChat (official account and mini program)")
class WechatSignInController {

    private final WechatProperties properties;
    private final WechatApi api;
    private final WechatSignIn signIn;
    private final WechatTokens tokens;

    WechatSignInController(WechatProperties properties, WechatApi api, WechatSignIn signIn, WechatTokens tokens) {
        this.properties = properties;
        this.api = api;
        this.signIn = signIn;
        this.tokens = tokens;
    }

    /** What a mini program posts: the code {@code wx.login} gave it, nothing else. */
    record MiniProgramCode(@Nullable String code) {}

    /**
     * A mini program's sign-in: its {@code wx.login} code for Whistle's resident access token. An open id in the body
     * is not read; only WeChat's answer to the code names the resident.
     */
    @Operation(
            summary = "A mini program's wx.login code for the resident's access token (no bearer token: WeChat's"
                    + " answer to the code says who signs in)")
    @SecurityRequirements
    @PostMapping(
            path = WechatSignInConfiguration.MINI_PROGRAM_SESSIONS,
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> miniProgram(HttpServletRequest request, @RequestBody MiniProgramCode body) {
        try {
            if (!properties.miniProgram().configured()) {
                throw new WechatSignInRefused(Reason.NOT_OFFERED);
            }
            if (!WechatApi.wellFormedCode(body.code())) {
                throw new WechatSignInRefused(Reason.CODE_INVALID);
            }
            var account =
                    signIn.signIn(api.miniProgramCode(body.code()), AppKind.MINI_PROGRAM, request.getRemoteAddr());
            var jwt = tokens.issue(account, request);
            var answer = new LinkedHashMap<String, Object>();
            answer.put("access_token", jwt.getTokenValue());
            answer.put("token_type", "Bearer");
            answer.put("expires_in", WechatTokens.LIFETIME.toSeconds());
            return ResponseEntity.ok().header("Cache-Control", "no-store").body(answer);
        } catch (WechatSignInRefused refused) {
            var status = refused.reason() == Reason.NOT_OFFERED
                    ? HttpStatus.NOT_FOUND
                    : WechatSignInPages.status(refused.reason());
            var problem = ProblemDetail.forStatusAndDetail(status, refused.text());
            problem.setType(URI.create("urn:whistle:problem:wechat-sign-in-refused"));
            problem.setTitle("微信登录未成功");
            problem.setProperties(Map.of("reason", refused.reason().name()));
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }

    private static String encode(@Nullable String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
