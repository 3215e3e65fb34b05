package org.whistle.notification.delivery;

import org.jspecify.annotations.Nullable;
import org.whistle.events.CategoryChanged;
import org.whistle.events.CommandLevel;
import org.whistle.events.OrgUnitChanged;
import org.whistle.notification.delivery.domain.Names;
import org.whistle.orgreference.copy.OrgReferenceCopy;

/** Names for one whistle's texts, from the org copy and the area the whistle was raised in. */
record OrgNames(OrgReferenceCopy org, WhistleContext context) implements Names {

    @Override
    public String unit(@Nullable String code) {
        return code == null ? "相关单位" : org.unit(code).map(OrgUnitChanged::name).orElse("相关单位");
    }

    @Override
    public String centre(CommandLevel level) {
        var area = context.areaNode();
        var known = area == null ? null : org.commandCentre(area, level).orElse(null);
        if (known != null) {
            return known.name();
        }
        return switch (level) {
            case STREET -> "街道指挥中心";
            case DISTRICT -> "区指挥中心";
            case CITY -> "市指挥中心";
        };
    }

    @Override
    public String category() {
        var code = context.categoryCode();
        return code == null
                ? "未分类"
                : org.category(code).map(CategoryChanged::name).orElse("未分类");
    }

    @Override
    public String ticket() {
        var number = context.ticketNumber();
        return number == null ? "待受理哨情" : "工单 " + number;
    }
}
