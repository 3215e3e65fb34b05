package org.whistle.evaluation.appraisal.web;

import org.springframework.web.util.HtmlUtils;

/**
 * The printable report of one secretary for one period: a self-contained Chinese HTML page with a print stylesheet
 * (A4, no navigation, tables kept whole), as the appraising body files it.
 */
final class SecretaryReport {

    /** The page's only style, allowed by its hash: the report runs no script and loads nothing. */
    static final String STYLE = """
            body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; color: #222; }
            h1 { font-size: 1.5em; text-align: center; margin-bottom: 0.2em; }
            .sub { text-align: center; color: #555; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 0.9em; }
            th, td { border: 1px solid #999; padding: 0.3em 0.5em; vertical-align: top; }
            th { background: #f0f0f0; }
            td.num { text-align: right; white-space: nowrap; }
            .summary td { font-size: 1.05em; }
            .veto { color: #b00; font-weight: bold; }
            .actions { margin: 1em 0; }
            @media print {
              @page { size: A4; margin: 15mm; }
              body { margin: 0; }
              .actions { display: none; }
              table { page-break-inside: auto; }
              tr { page-break-inside: avoid; }
              thead { display: table-header-group; }
              th { background: none; }
            }
            """;

    /** The report's own policy, so the gateway keeps it instead of the console pages' (which forbid inline styles). */
    static final String POLICY = "default-src 'none'; style-src '" + hash(STYLE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private SecretaryReport() {}

    private static String hash(String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String html(SecretaryView v, java.time.OffsetDateTime printedAt) {
        var h = new StringBuilder();
        h.append("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <title>""")
                .append(e(v.communityName() + " " + v.name() + " " + v.periodName() + "考核报告"))
                .append("""
                </title>
                <style>""")
                .append(STYLE)
                .append("</style>\n")
                .append("""
                </head>
                <body>
                <p class="actions">打印：请使用浏览器的“打印”（Ctrl+P），本页已按 A4 排版。</p>
                """);
        h.append("<h1>")
                .append(e(v.communityName()))
                .append("党组织书记")
                .append(e(v.periodName()))
                .append("考核报告</h1>\n");
        h.append("<p class=\"sub\">").append(e(v.setName())).append("</p>\n");
        h.append("<table class=\"summary\"><tbody>\n");
        row(h, "书记", v.name());
        row(h, "社区", v.communityName());
        row(
                h,
                "任职时间",
                v.tookOffice().getYear() + "年" + v.tookOffice().getMonthValue() + "月"
                        + v.tookOffice().getDayOfMonth() + "日");
        row(h, "考核总分", v.total() + " 分");
        row(h, "负面清单", v.negativeStars() == 0 ? "未发生" : "降 " + v.negativeStars() + " 星");
        h.append("<tr><th>一票否决</th><td")
                .append(v.vetoed() ? " class=\"veto\">已否决" : ">未发生")
                .append("</td></tr>\n");
        row(h, "本期结果对应星级", v.earnedStarsLabel());
        row(h, "当前星级", v.starsLabel());
        if (v.frozen() != null) {
            row(h, "自动指标", v.frozen().note());
        }
        h.append("</tbody></table>\n");

        h.append("<h2>指标得分</h2>\n<table><thead><tr><th>编号</th><th>分组</th><th>指标</th><th>类别</th>"
                + "<th>分值</th><th>得分</th><th>说明</th><th>依据</th></tr></thead><tbody>\n");
        for (var l : v.lines()) {
            h.append("<tr><td>")
                    .append(e(l.code()))
                    .append("</td><td>")
                    .append(e(l.group()))
                    .append("</td><td>")
                    .append(e(l.name()))
                    .append("</td><td>")
                    .append(e(l.kindLabel()))
                    .append("</td><td class=\"num\">")
                    .append(l.maxPoints() == 0 ? "—" : number(l.maxPoints()))
                    .append("</td><td class=\"num\">")
                    .append(l.points() == null ? "—" : number(l.points()))
                    .append("</td><td>")
                    .append(e(l.note()))
                    .append("</td><td>")
                    .append(e(String.join("；", l.evidence())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");

        if (v.frozen() != null && !v.frozen().adjustments().isEmpty()) {
            h.append("<h2>自动指标调整记录</h2>\n<table><thead><tr><th>时间</th><th>调整（调整前 → 调整后）</th><th>理由</th>"
                    + "<th>经办人</th></tr></thead><tbody>\n");
            for (var a : v.frozen().adjustments()) {
                h.append("<tr><td>")
                        .append(org.whistle.evaluation.web.Shown.time(a.at().toInstant()))
                        .append("</td><td>")
                        .append(e(String.join("；", a.changes())))
                        .append("</td><td>")
                        .append(e(a.reason()))
                        .append("</td><td>")
                        .append(e(a.by()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }

        h.append("<h2>星级调整记录</h2>\n<table><thead><tr><th>时间</th><th>类别</th><th>调整</th><th>理由</th><th>经办人</th>"
                + "</tr></thead><tbody>\n");
        for (var c : v.starHistory()) {
            h.append("<tr><td>")
                    .append(org.whistle.evaluation.web.Shown.time(c.at().toInstant()))
                    .append("</td><td>")
                    .append(e(c.kindLabel()))
                    .append("</td><td>")
                    .append(c.from() == null ? "" : c.from() + " 星 → ")
                    .append(c.to())
                    .append(" 星</td><td>")
                    .append(e(c.reason()))
                    .append("</td><td>")
                    .append(e(c.by()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");

        h.append("<h2>评分记录</h2>\n<table><thead><tr><th>时间</th><th>考核期</th><th>指标</th><th>得分</th><th>依据</th>"
                + "<th>评分人</th></tr></thead><tbody>\n");
        if (v.scores().isEmpty()) {
            h.append("<tr><td colspan=\"6\">本期尚无评分记录</td></tr>\n");
        }
        for (var s : v.scores()) {
            h.append("<tr><td>")
                    .append(org.whistle.evaluation.web.Shown.time(s.at().toInstant()))
                    .append("</td><td>")
                    .append(e(s.periodName()))
                    .append("</td><td>")
                    .append(e(s.indicator()))
                    .append("</td><td class=\"num\">")
                    .append(s.points() == null ? "登记发生" : number(s.points()))
                    .append("</td><td>")
                    .append(e(s.evidence()))
                    .append("</td><td>")
                    .append(e(s.by()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        h.append("<p class=\"sub\">打印时间：")
                .append(org.whistle.evaluation.web.Shown.time(printedAt.toInstant()))
                .append("（北京时间）</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>")
                .append(e(label))
                .append("</th><td>")
                .append(e(value))
                .append("</td></tr>\n");
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
