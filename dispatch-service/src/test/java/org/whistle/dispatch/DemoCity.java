package org.whistle.dispatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CategoryChanged;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.ReferenceEvent;
import org.whistle.events.RoutingRuleChanged;
import org.whistle.events.Urgency;

/** The part of the demo city (demo/city) the seed's stories need, as org-registry publishes it. */
final class DemoCity {

    static final String CITY = "230200";
    static final String LONGSHA = "230202";
    static final String GANNAN = "230225";
    static final String GANNAN_TOWN = "230225100";
    static final String XINGSHISI_TOWN = "230225101";
    static final String HUBIN = "230202002";
    static final String FANRONG_GRID_1 = "230225100001001";
    static final String XINGSHISI_GRID_1 = "230225101001001";
    static final String YONGQING_GRID_1 = "230202002001003001";

    static final String CITY_CENTRE = "QQ-230200-ZHZX";
    static final String LONGSHA_CENTRE = "QQ-230202-ZHZX";
    static final String GANNAN_CENTRE = "QQ-230225-ZHZX";
    static final String GANNAN_TOWN_CENTRE = "QQ-230225100-ZHZX";
    static final String XINGSHISI_CENTRE = "QQ-230225101-ZHZX";
    static final String HUBIN_CENTRE = "QQ-230202002-ZHZX";

    static final String ROADS_SECTION = "QQ-230225-ZJJ-LZG";
    static final String GANNAN_URBAN_MANAGEMENT = "QQ-230225-CGJ";
    static final String YONGQING_PROPERTY = "QQ-230202002001003-WY";
    static final String LONGSHA_URBAN_MANAGEMENT = "QQ-230202-CGJ";
    static final String LONGSHA_FIRE = "QQ-230202-XF";

    static final String ROAD_DAMAGE = "MUNICIPAL-ROAD-DAMAGE";
    static final String SHED_ENCROACHMENT = "PROPERTY-SHED-ENCROACHMENT";

    private static final LocalDate FROM = LocalDate.parse("2024-01-01");

    private DemoCity() {}

    static List<ReferenceEvent> records() {
        var all = new ArrayList<ReferenceEvent>();
        all.add(node(CITY, "CITY", "齐齐哈尔市", null, List.of(), CommandLevel.CITY));
        all.add(node(LONGSHA, "DISTRICT", "龙沙区", CITY, List.of(CITY), CommandLevel.DISTRICT));
        all.add(node(GANNAN, "DISTRICT", "甘南县", CITY, List.of(CITY), CommandLevel.DISTRICT));
        all.add(node(GANNAN_TOWN, "STREET", "甘南镇", GANNAN, List.of(CITY, GANNAN), CommandLevel.STREET));
        all.add(node(XINGSHISI_TOWN, "STREET", "兴十四镇", GANNAN, List.of(CITY, GANNAN), CommandLevel.STREET));
        all.add(node(HUBIN, "STREET", "湖滨街道", LONGSHA, List.of(CITY, LONGSHA), CommandLevel.STREET));
        all.add(node("230225100001", "COMMUNITY", "繁荣社区", GANNAN_TOWN, List.of(CITY, GANNAN, GANNAN_TOWN), null));
        all.add(node(
                FANRONG_GRID_1,
                "GRID",
                "繁荣社区第一网格",
                "230225100001",
                List.of(CITY, GANNAN, GANNAN_TOWN, "230225100001"),
                null));
        all.add(node("230225101001", "COMMUNITY", "兴十四村", XINGSHISI_TOWN, List.of(CITY, GANNAN, XINGSHISI_TOWN), null));
        all.add(node(
                XINGSHISI_GRID_1,
                "GRID",
                "兴十四村第一网格",
                "230225101001",
                List.of(CITY, GANNAN, XINGSHISI_TOWN, "230225101001"),
                null));
        all.add(node("230202002001", "COMMUNITY", "永青社区", HUBIN, List.of(CITY, LONGSHA, HUBIN), null));
        all.add(node(
                "230202002001003",
                "COMPOUND",
                "永青小区",
                "230202002001",
                List.of(CITY, LONGSHA, HUBIN, "230202002001"),
                null));
        all.add(node(
                YONGQING_GRID_1,
                "GRID",
                "永青小区第一网格",
                "230202002001003",
                List.of(CITY, LONGSHA, HUBIN, "230202002001", "230202002001003"),
                null));

        all.add(unit(CITY_CENTRE, "COMMAND_CENTRE", "齐齐哈尔市吹哨报到指挥中心", CITY, CommandLevel.CITY));
        all.add(unit(LONGSHA_CENTRE, "COMMAND_CENTRE", "龙沙区吹哨报到指挥中心", LONGSHA, CommandLevel.DISTRICT));
        all.add(unit(GANNAN_CENTRE, "COMMAND_CENTRE", "甘南县吹哨报到指挥中心", GANNAN, CommandLevel.DISTRICT));
        all.add(unit(GANNAN_TOWN_CENTRE, "COMMAND_CENTRE", "甘南镇吹哨报到指挥中心", GANNAN_TOWN, CommandLevel.STREET));
        all.add(unit(XINGSHISI_CENTRE, "COMMAND_CENTRE", "兴十四镇吹哨报到指挥中心", XINGSHISI_TOWN, CommandLevel.STREET));
        all.add(unit(HUBIN_CENTRE, "COMMAND_CENTRE", "湖滨街道吹哨报到指挥中心", HUBIN, CommandLevel.STREET));
        all.add(unit(ROADS_SECTION, "SECTION", "甘南县住建局城镇建设服务中心路政股", GANNAN, CommandLevel.DISTRICT));
        all.add(unit(GANNAN_URBAN_MANAGEMENT, "DEPARTMENT", "甘南县城市管理局", GANNAN, CommandLevel.DISTRICT));
        all.add(unit(YONGQING_PROPERTY, "PROPERTY_COMPANY", "鹤城安居物业服务有限公司永青小区项目部", "230202002001003", null));
        all.add(unit(LONGSHA_URBAN_MANAGEMENT, "DEPARTMENT", "龙沙区城市管理局", LONGSHA, CommandLevel.DISTRICT));
        all.add(unit(LONGSHA_FIRE, "FIRE_BRIGADE", "龙沙区消防救援大队", LONGSHA, CommandLevel.DISTRICT));

        all.add(new CategoryChanged("MUNICIPAL", "市政设施", null, null, "GENERAL", Urgency.NORMAL, true));
        all.add(new CategoryChanged(ROAD_DAMAGE, "道路破损", null, "MUNICIPAL", "GENERAL", Urgency.NORMAL, true));
        all.add(new CategoryChanged("PROPERTY", "物业管理", null, null, "GENERAL", Urgency.NORMAL, true));
        all.add(new CategoryChanged(SHED_ENCROACHMENT, "车棚占地及乱搭乱建", null, "PROPERTY", "COMPLEX", Urgency.NORMAL, true));

        all.add(new RoutingRuleChanged(
                "R-0027", ROAD_DAMAGE, GANNAN, null, ROADS_SECTION, List.of(GANNAN_URBAN_MANAGEMENT), 0, true));
        all.add(new DeadlinePolicyChanged(
                "D-DEMO-URGENT",
                null,
                Urgency.URGENT,
                null,
                java.util.Map.of(
                        org.whistle.events.ClockKind.FILE, java.time.Duration.ofMinutes(30),
                        org.whistle.events.ClockKind.RESOLVE, java.time.Duration.ofHours(2)),
                0.8,
                null,
                true,
                DeadlinePolicyChanged.Escalation.NEXT_LEVEL,
                List.of("SUSPENDED")));
        return all;
    }

    private static OrgUnitChanged node(
            String code,
            String kind,
            String name,
            @Nullable String parent,
            List<String> ancestry,
            @Nullable CommandLevel level) {
        return new OrgUnitChanged(code, code, name, kind, parent, ancestry, level, true, FROM, null, null, null);
    }

    private static OrgUnitChanged unit(
            String code, String kind, String name, String area, @Nullable CommandLevel level) {
        var ancestry = new ArrayList<String>();
        for (var record : records0()) {
            if (record.unitId().equals(area)) {
                ancestry.addAll(record.ancestry());
            }
        }
        ancestry.add(area);
        return new OrgUnitChanged(code, code, name, kind, null, ancestry, level, true, FROM, null, area, null);
    }

    /** The nodes alone, for the units' ancestry. */
    private static List<OrgUnitChanged> records0() {
        return List.of(
                node(CITY, "CITY", "", null, List.of(), null),
                node(LONGSHA, "DISTRICT", "", CITY, List.of(CITY), null),
                node(GANNAN, "DISTRICT", "", CITY, List.of(CITY), null),
                node(GANNAN_TOWN, "STREET", "", GANNAN, List.of(CITY, GANNAN), null),
                node(XINGSHISI_TOWN, "STREET", "", GANNAN, List.of(CITY, GANNAN), null),
                node(HUBIN, "STREET", "", LONGSHA, List.of(CITY, LONGSHA), null),
                node(
                        "230202002001003",
                        "COMPOUND",
                        "",
                        "230202002001",
                        List.of(CITY, LONGSHA, HUBIN, "230202002001"),
                        null));
    }
}
