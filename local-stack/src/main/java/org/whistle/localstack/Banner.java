package org.whistle.localstack;

import java.util.Locale;

/** What the developer sees once everything is up: where each part listens and how to stop it. */
final class Banner {

    private static final String RULE = "=".repeat(78);

    private Banner() {}

    static String render(RunningStack stack) {
        var text = new StringBuilder();
        line(text, RULE);
        line(
                text,
                String.format(
                        Locale.ROOT,
                        "  吹哨报到 Whistle 已启动 · Whistle is up  (用时 took %.1f s)",
                        stack.startupTime().toMillis() / 1000.0));
        line(text, "");
        line(text, "  服务 Services");
        for (var service : stack.services()) {
            var note = service.service() == Service.GATEWAY ? "   ← 统一入口 the public entry" : "";
            line(text, String.format(Locale.ROOT, "    %-22s %s%s", service.name(), service.baseUri(), note));
        }
        line(text, "");
        line(text, "  Kafka 地址 bootstrap servers    " + stack.kafkaBootstrapServers());
        line(
                text,
                "  PostgreSQL 数据库 databases    (用户 user " + stack.databaseUsername() + " / 密码 password "
                        + stack.databasePassword() + ")");
        stack.jdbcUrls().values().forEach(url -> line(text, "    " + url));
        line(text, "");
        line(text, "  数据目录 Data folder            " + stack.dataDir());
        line(text, "  日志 Service logs               " + stack.dataDir().resolve(LocalStack.LOGS_DIR));
        line(text, "");
        line(text, "  演示账号 Demo accounts · 齐齐哈尔市 demo city (类型 kind, 账号 name, 密码 secret, 角色 role, 范围 scope)");
        for (var account : DemoCity.accounts()) {
            line(
                    text,
                    String.format(
                            Locale.ROOT,
                            "    %-6s %-24s %-40s %-20s %s",
                            account.client() ? "client" : "user",
                            account.name(),
                            account.secret(),
                            account.roles(),
                            account.scope()));
        }
        line(text, "");
        line(
                text,
                "  Open311 演示密钥 demo API key    " + ServiceLaunch.open311Key() + "   ("
                        + stack.services().stream()
                                .filter(service -> service.service() == Service.GATEWAY)
                                .findFirst()
                                .map(gateway -> gateway.baseUri().resolve("/open311/v2/discovery.json") + ")")
                                .orElse("/open311/v2/discovery.json)"));
        line(text, "");
        var wechat = stack.wechat();
        line(
                text,
                "  开发用微信 development WeChat   " + wechat.baseUri() + "   (消息记录 messages: "
                        + wechat.baseUri().resolve("/dev/messages") + ")");
        line(text, "    登录页点「微信登录」并选择演示居民 · on the login page choose 微信登录, then a demo resident:");
        for (var resident : wechat.residents()) {
            line(
                    text,
                    "    " + resident.name() + "（" + resident.note() + "）  openid " + resident.officialAccountOpenId());
        }
        line(text, "");
        line(text, "  按 Ctrl-C 停止 · Ctrl-C to stop");
        line(text, RULE);
        return text.toString();
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append(System.lineSeparator());
    }
}
