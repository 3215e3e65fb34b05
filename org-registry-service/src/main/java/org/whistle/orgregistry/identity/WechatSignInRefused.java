package org.whistle.orgregistry.identity;

/**
 * A WeChat sign-in that did not happen, with why in words a resident understands; never WeChat's code (that goes to the
 * log) and never anything WeChat or the caller sent.
 */
final class WechatSignInRefused extends RuntimeException {

    /** Why, each with the Chinese sentence the resident reads. */
    enum Reason {
        NOT_OFFERED("本平台未开通微信登录，请使用其他方式登录。"),
        STATE_MISMATCH("登录页面已过期，请重新进入后再用微信登录。"),
        DECLINED("您未同意微信授权，未能登录。"),
        CODE_INVALID("微信登录凭证无效或已用过，请重新进入页面登录。"),
        APP_MISCONFIGURED("本平台的微信公众号或小程序设置有误，暂不能用微信登录，请联系平台管理员。"),
        BUSY("微信服务繁忙，请稍后再试。"),
        USER_AT_RISK("微信提示此微信号存在安全风险，暂不能登录，请在微信中处理后再试。"),
        UNREACHABLE("暂时无法连接微信，请稍后再试。"),
        UNREADABLE("微信的答复无法识别，请稍后再试。"),
        ACCOUNT_DISABLED("此微信关联的账号已停用，请联系平台管理员。"),
        OTHER("微信未能完成登录，请稍后再试。");

        final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final Reason reason;

    WechatSignInRefused(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }

    String text() {
        return reason.text;
    }
}
