package org.whistle.evaluation.disclosure.web;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.disclosure.Disclosure;
import org.whistle.evaluation.organisation.Staff;
import org.whistle.evaluation.web.Authors;
import org.whistle.evaluation.web.Shown;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * The city's 考核结果公开 setting.
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/disclosure} — staff: whether it is on, its version, and its last changes
 *   <li>{@code PUT /api/evaluation/disclosure} {@code {"enabled": true, "version": 3, "reason": "…"}} — administrators
 * </ul>
 */
@RestController
@RequestMapping("/api/evaluation/disclosure")
class DisclosureController {

    private static final int HISTORY = 20;

    private final Disclosure disclosure;
    private final Clock clock;

    DisclosureController(Disclosure disclosure, Clock clock) {
        this.disclosure = disclosure;
        this.clock = clock;
    }

    record ChangeView(boolean enabled, String enabledLabel, String changedBy, String reason, String changedAt) {}

    record SettingView(
            boolean enabled, String enabledLabel, long version, String publicPath, List<ChangeView> history) {}

    record Request(
            @Nullable Boolean enabled,
            @Nullable Long version,
            @Nullable String reason) {}

    @GetMapping
    SettingView setting(@Nullable Caller caller) {
        if (caller == null || !caller.hasAny(Staff.ROLES)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.disclosureStaffOnly"));
        }
        return view(disclosure.setting());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    SettingView change(Caller caller, @RequestBody Request request) {
        if (request.enabled() == null) {
            throw InvalidInputException.of("enabled", Phrase.of("evaluation.refusal.publicRequired"));
        }
        var reason = Authors.reason(request.reason());
        var changed = disclosure.change(
                request.enabled(), request.version(), caller.subject(), Authors.of(caller), reason, clock.instant());
        return view(changed);
    }

    private SettingView view(Disclosure.Setting setting) {
        var history = disclosure.history(HISTORY).stream()
                .map(c ->
                        new ChangeView(c.enabled(), label(c.enabled()), c.actorName(), c.reason(), Shown.time(c.at())))
                .toList();
        return new SettingView(
                setting.enabled(),
                label(setting.enabled()),
                setting.version(),
                "/api/evaluation/public/periods",
                history);
    }

    private static String label(boolean enabled) {
        return enabled ? "已公开：公众可查看已发布期间的考核结果" : "未公开：考核结果仅供工作人员查看";
    }
}
