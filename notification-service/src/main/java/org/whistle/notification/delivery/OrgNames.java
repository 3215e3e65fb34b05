package org.whistle.notification.delivery;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CategoryChanged;
import org.whistle.events.CommandLevel;
import org.whistle.events.OrgUnitChanged;
import org.whistle.notification.delivery.domain.Names;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.texts.Catalogue;

/**
 * Names for one whistle's texts, from the org copy and the area the whistle was raised in; what the copy does not
 * know is called as the catalogue says, never by its code.
 */
record OrgNames(OrgReferenceCopy org, WhistleContext context, Catalogue texts) implements Names {

    @Override
    public String unit(@Nullable String code) {
        var known =
                code == null ? null : org.unit(code).map(OrgUnitChanged::name).orElse(null);
        return known != null ? known : texts.text("name.unit.unknown");
    }

    @Override
    public String centre(CommandLevel level) {
        var area = context.areaNode();
        var known = area == null ? null : org.commandCentre(area, level).orElse(null);
        if (known != null) {
            return known.name();
        }
        return texts.name("centre", level);
    }

    @Override
    public String category() {
        var code = context.categoryCode();
        var known = code == null
                ? null
                : org.category(code).map(CategoryChanged::name).orElse(null);
        return known != null ? known : texts.text("name.category.unknown");
    }

    @Override
    public String ticket() {
        var number = context.ticketNumber();
        return number == null ? texts.text("name.ticket.unfiled") : texts.text("name.ticket", Map.of("number", number));
    }
}
