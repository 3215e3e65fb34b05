package org.whistle.evaluation.appraisal.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.appraisal.SecretaryAppraisals;
import org.whistle.evaluation.appraisal.domain.IndicatorSet;
import org.whistle.evaluation.appraisal.domain.SecretaryResult;
import org.whistle.evaluation.cases.domain.CaseFold;
import org.whistle.evaluation.organisation.Organisation;

/** A secretary's result as a person reads it: names, Chinese labels, Asia/Shanghai times. */
record SecretaryView(
        UUID id,
        String name,
        String communityId,
        String communityName,
        LocalDate tookOffice,
        int stars,
        String starsLabel,
        String setName,
        String period,
        String periodName,
        double total,
        boolean vetoed,
        int negativeStars,
        int earnedStars,
        String earnedStarsLabel,
        List<LineView> lines,
        List<StarChangeView> starHistory,
        List<ScoreView> scores,
        @Nullable FrozenView frozen) {

    /**
     * The automatic indicators frozen with the closed quarter or year: when, and whether later cases would change
     * them (shown, not applied).
     */
    record FrozenView(OffsetDateTime at, boolean pending, String note, List<AdjustmentView> adjustments) {}

    /** An adjustment of the frozen indicators: when, by whom, why, and each figure before and after, in words. */
    record AdjustmentView(OffsetDateTime at, String by, String reason, List<String> changes) {}

    record LineView(
            String code,
            String group,
            String name,
            String kindLabel,
            double maxPoints,
            @Nullable Double points,
            @Nullable Double figure,
            String note,
            List<String> evidence,
            int hits) {}

    record StarChangeView(
            @Nullable Integer from, int to, String kindLabel, String reason, String by, OffsetDateTime at) {}

    record ScoreView(
            String periodName,
            String code,
            String indicator,
            @Nullable Double points,
            String evidence,
            String by,
            OffsetDateTime at) {}

    /** A secretary in a list. */
    record Listed(
            UUID id,
            String name,
            String communityId,
            String communityName,
            LocalDate tookOffice,
            int stars,
            String starsLabel) {
        static Listed of(SecretaryAppraisals.Secretary s, Organisation org) {
            return new Listed(
                    s.id(),
                    s.name(),
                    s.communityId(),
                    org.name(s.communityId()),
                    s.tookOffice(),
                    s.stars(),
                    SecretaryView.stars(s.stars()));
        }
    }

    static SecretaryView of(SecretaryAppraisals.Result r, Organisation org) {
        var s = r.secretary();
        var res = r.result();
        return new SecretaryView(
                s.id(),
                s.name(),
                s.communityId(),
                org.name(s.communityId()),
                s.tookOffice(),
                s.stars(),
                stars(s.stars()),
                r.set().name(),
                r.period(),
                r.periodName(),
                res.total(),
                res.vetoed(),
                res.negativeStars(),
                res.earnedStars(),
                stars(res.earnedStars()),
                res.lines().stream().map(SecretaryView::line).toList(),
                r.stars().stream()
                        .map(c ->
                                new StarChangeView(c.from(), c.to(), kind(c.kind()), c.reason(), c.by(), local(c.at())))
                        .toList(),
                r.scores().stream()
                        .map(sc -> new ScoreView(
                                SecretaryResult.periodName(sc.period()),
                                sc.code(),
                                r.set()
                                        .indicator(sc.code())
                                        .map(IndicatorSet.Indicator::name)
                                        .orElse(sc.code()),
                                sc.points(),
                                sc.evidence(),
                                sc.by(),
                                local(sc.at())))
                        .toList(),
                r.frozen() == null ? null : frozen(r.frozen(), r.periodName()));
    }

    private static FrozenView frozen(SecretaryAppraisals.Frozen f, String periodName) {
        var at = local(f.at());
        var note = "自动指标按" + periodName + "关闭时（"
                + at.format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm"))
                + "）的案件数据冻结"
                + (f.adjustments().isEmpty()
                        ? ""
                        : "，此后经管理员调整 " + f.adjustments().size() + " 次")
                + (f.pending() ? "；此后的案件变化会改变自动指标，尚未计入" : "");
        return new FrozenView(
                at,
                f.pending(),
                note,
                f.adjustments().stream()
                        .map(a -> new AdjustmentView(
                                local(a.at()),
                                a.by(),
                                a.reason(),
                                a.changes().stream().map(SecretaryView::change).toList()))
                        .toList());
    }

    /** 按期处置率：100% → 50%, as the result's lines show the figures (per cent, or a count with its unit). */
    private static String change(SecretaryAppraisals.RateChange c) {
        return c.source().label() + "：" + figure(c.source(), c.before()) + " → " + figure(c.source(), c.after());
    }

    private static String figure(IndicatorSet.Source source, @Nullable Double value) {
        if (value == null) {
            return "无数据";
        }
        if (source.isCount()) {
            return Math.round(value) + " " + source.unit();
        }
        var percent = Math.round(value * 10000) / 100.0;
        return (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
    }

    private static LineView line(SecretaryResult.Line l) {
        var i = l.indicator();
        return new LineView(
                i.code(),
                i.group(),
                i.name(),
                i.kind().label(),
                i.points(),
                l.points(),
                l.figure(),
                l.note(),
                l.evidence(),
                l.hits());
    }

    static String stars(int stars) {
        return stars == 0 ? "无星" : "★".repeat(stars) + "☆".repeat(Math.max(0, 5 - stars)) + "（" + stars + " 星）";
    }

    static String kind(String kind) {
        return switch (kind) {
            case "INITIAL" -> "初评";
            case "ANNUAL" -> "年度评定";
            case "NEGATIVE" -> "负面清单降星";
            case "VETO" -> "一票否决";
            case "ADJUSTED" -> "动态调整";
            default -> "调整";
        };
    }

    static OffsetDateTime local(java.time.Instant at) {
        return at.atZone(CaseFold.ZONE).toOffsetDateTime();
    }
}
