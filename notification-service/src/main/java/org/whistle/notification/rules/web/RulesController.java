package org.whistle.notification.rules.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.notification.InputBounds;
import org.whistle.notification.rules.RuleTable;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.Rule;
import org.whistle.notification.rules.domain.Selector;
import org.whistle.notification.rules.domain.UrgencyClass;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.texts.Phrase;

/** The rule table, for administrators: changes apply to the next event consumed. */
@RestController
@RequestMapping("/api/notifications/rules")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class RulesController {

    private final RuleTable rules;

    RulesController(RuleTable rules) {
        this.rules = rules;
    }

    @GetMapping
    List<Rule> list() {
        return rules.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Rule add(@RequestBody RuleRequest request) {
        return rules.add(request.toRule(0));
    }

    @PutMapping("/{id}")
    Rule replace(@PathVariable long id, @RequestBody RuleRequest request) {
        if (!rules.replace(id, request.toRule(id))) {
            throw new NotFoundException("notification rule", Long.toString(id));
        }
        return rules.find(id).orElseThrow();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id) {
        if (!rules.remove(id)) {
            throw new NotFoundException("notification rule", Long.toString(id));
        }
    }

    /**
     * A rule as an administrator writes it; {@code active} defaults to true. Bounds: {@code eventType} and
     * {@code qualifier} {@value InputBounds#CODE} characters, {@code description} {@value InputBounds#DESCRIPTION}
     * (no control or bidirectional-override characters), {@code channels} at most {@value InputBounds#ITEMS}.
     */
    record RuleRequest(
            @Nullable String eventType,
            @Nullable String qualifier,
            @Nullable Selector selector,
            @Nullable List<ChannelKind> channels,
            @Nullable UrgencyClass urgency,
            @Nullable Boolean active,
            @Nullable String description) {

        Rule toRule(long id) {
            InputBounds.name("eventType", eventType, InputBounds.CODE);
            InputBounds.name("qualifier", qualifier, InputBounds.CODE);
            InputBounds.name("description", description, InputBounds.DESCRIPTION);
            InputBounds.items("channels", channels, InputBounds.CODE);
            if (eventType == null || eventType.isBlank()) {
                throw InvalidInputException.of("eventType", Phrase.of("notification.refusal.rule.eventType"));
            }
            if (selector == null) {
                throw InvalidInputException.of("selector", Phrase.of("refusal.required"));
            }
            if (channels == null || channels.isEmpty()) {
                throw InvalidInputException.of("channels", Phrase.of("notification.refusal.rule.channels"));
            }
            return new Rule(
                    id,
                    eventType,
                    qualifier == null || qualifier.isBlank() ? null : qualifier,
                    selector,
                    channels,
                    urgency == null ? UrgencyClass.ROUTINE : urgency,
                    active == null || active,
                    description == null ? "" : description);
        }
    }
}
