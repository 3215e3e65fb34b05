package org.whistle.orgregistry.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whistle.events.CommandLevel;
import org.whistle.events.RoutingRuleChanged;
import org.whistle.events.Topics;
import org.whistle.orgregistry.catalogue.ReferenceDataServiceTest;

class RoutingApiTest extends ReferenceDataServiceTest {

    private String city;
    private String district;
    private String street;
    private String grid;
    private String main;
    private String sub;
    private String lead;
    private String co;
    private String districtCentre;
    private String retiredUnit;

    @BeforeEach
    void organisation() throws Exception {
        int n = unique();
        city = "9" + n;
        district = city + "01";
        street = district + "001";
        grid = street + "001";
        node(city, "CITY", null);
        node(district, "DISTRICT", city);
        node(street, "STREET", district);
        node(grid, "GRID", street);
        lead = "ROADS-" + n;
        co = "OFFICE-" + n;
        districtCentre = "CENTRE-" + n;
        retiredUnit = "GONE-" + n;
        unit(lead, district, null);
        unit(co, street, null);
        unit(districtCentre, district, null);
        unit(retiredUnit, district, LocalDate.of(2021, 1, 1));
        main = "ROAD" + n;
        sub = main + "-POTHOLE";
        asAdmin("POST", "/api/org/categories", category(main, null));
        asAdmin("POST", "/api/org/categories", category(sub, main));
    }

    @Test
    void createsChangesListsAndRetiresRules() throws Exception {
        var created = asAdmin("POST", "/api/org/routing-rules", rule("R-" + street, main, street, "STREET", lead, co));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("revision").asLong()).isEqualTo(1);

        var changed = asAdmin("PUT", "/api/org/routing-rules/R-" + street, rule(null, sub, street, null, lead, co));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("categoryCode").asString()).isEqualTo(sub);
        assertThat(json(changed).get("level").isNull()).isTrue();
        assertThat(json(changed).get("revision").asLong()).isEqualTo(2);

        var listed = json(get("/api/org/routing-rules?area=" + street + "&category=" + sub));
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("coUnitCodes").get(0).asString()).isEqualTo(co);

        assertThat(json(asAdmin("DELETE", "/api/org/routing-rules/R-" + street, null))
                        .get("active")
                        .asBoolean())
                .isFalse();
        assertThat(json(get("/api/org/routing-rules?area=" + street)).size()).isZero();
        assertThat(json(get("/api/org/routing-rules/R-" + street))
                        .get("revision")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void namesEveryInvalidFieldAndStoresNothing() throws Exception {
        var refused = asAdmin("POST", "/api/org/routing-rules", """
                {"ruleId":"R-BAD-%s","categoryCode":"NO-SUCH","areaCode":"000","level":"PLANET",
                 "leadUnitCode":"%s","coUnitCodes":["%s","%s","%s","NO-UNIT"]}
                """.formatted(street, lead, co, co, lead));
        var semantic = asAdmin("POST", "/api/org/routing-rules", """
                {"ruleId":"R-BAD-%s","categoryCode":"NO-SUCH","areaCode":"000",
                 "leadUnitCode":"%s","coUnitCodes":["%s","%s","%s","NO-UNIT"]}
                """.formatted(street, lead, co, co, lead));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("level");
        assertThat(semantic.statusCode()).isEqualTo(422);
        assertThat(fields(semantic))
                .containsExactlyInAnyOrder(
                        "categoryCode", "areaCode", "coUnitCodes[1]", "coUnitCodes[2]", "coUnitCodes[3]");
        assertThat(get("/api/org/routing-rules/R-BAD-" + street).statusCode()).isEqualTo(404);
    }

    @Test
    void proposesTheWinningRuleAndExplainsWhy() throws Exception {
        asAdmin("POST", "/api/org/routing-rules", rule("R-FALLBACK-" + street, null, street, null, districtCentre));
        asAdmin("POST", "/api/org/routing-rules", rule("R-MAIN-" + district, main, district, null, lead, co));
        asAdmin("POST", "/api/org/routing-rules", rule("R-GONE-" + street, sub, street, null, retiredUnit));

        var proposal = get("/api/org/routing/proposal?category=" + sub + "&node=" + grid + "&level=STREET");

        assertThat(proposal.statusCode()).isEqualTo(200);
        var body = json(proposal);
        assertThat(body.get("ruleId").asString()).isEqualTo("R-MAIN-" + district);
        assertThat(body.get("leadUnitCode").asString()).isEqualTo(lead);
        assertThat(body.get("coUnitCodes").get(0).asString()).isEqualTo(co);
        assertThat(body.get("why").asString()).contains("类别规则优先于兜底规则").doesNotContain("R-");

        assertThat(get("/api/org/routing/proposal?category=NOPE&node=" + grid).statusCode())
                .isEqualTo(422);
        assertThat(get("/api/org/routing/proposal?category=" + sub + "&node=0000")
                        .statusCode())
                .isEqualTo(404);
        asAdmin("POST", "/api/org/categories", category("LIGHT" + street, null));
        var fallback = json(get("/api/org/routing/proposal?category=LIGHT" + street + "&node=" + grid));
        assertThat(fallback.get("ruleId").asString()).isEqualTo("R-FALLBACK-" + street);
        var nothing = json(get("/api/org/routing/proposal?category=" + sub + "&node=" + city));
        assertThat(nothing.get("matched").asBoolean()).isFalse();
    }

    @Test
    void refusesToRetireACategoryAnActiveRuleUses() throws Exception {
        asAdmin("POST", "/api/org/routing-rules", rule("R-USES-" + street, sub, street, null, lead));

        assertThat(asAdmin("DELETE", "/api/org/categories/" + sub, null).statusCode())
                .isEqualTo(409);
    }

    @Test
    void publishesEachRuleStateToTheRulesTopic() throws Exception {
        var id = "R-PUB-" + street;
        asAdmin("POST", "/api/org/routing-rules", rule(id, null, district, "DISTRICT", districtCentre));

        var envelope = published(Topics.ORG_RULES, id, 1);

        assertThat(envelope.type()).isEqualTo("org-routing-rule-changed");
        var data = (RoutingRuleChanged) envelope.data();
        assertThat(data.categoryCode()).isNull();
        assertThat(data.level()).isEqualTo(CommandLevel.DISTRICT);
        assertThat(data.leadUnitId()).isEqualTo(districtCentre);
    }

    @Test
    void importsRulesWholeOrNotAtAll() throws Exception {
        var header = "rule_id,category_code,area_code,level,lead_unit_code,co_unit_codes,precedence\n";
        var good = header
                + "I-%1$s-1,%2$s,%1$s,STREET,%3$s,%4$s,5\nI-%1$s-2,,%1$s,,%5$s,,\n"
                        .formatted(street, sub, lead, co, districtCentre);
        var bad = header
                + "I-%1$s-3,%2$s,%1$s,,%3$s,,1\nI-%1$s-4,%2$s,%1$s,SOMEWHERE,%3$s,,x\nI-%1$s-5,%2$s,%1$s,,%3$s,%3$s,\n"
                        .formatted(street, sub, lead);

        var accepted = importCsv("/api/org/imports/routing-rules", good);
        var rejected = importCsv("/api/org/imports/routing-rules", bad);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).get("created").asInt()).isEqualTo(2);
        assertThat(json(get("/api/org/routing-rules/I-" + street + "-2"))
                        .get("fallback")
                        .asBoolean())
                .isTrue();
        assertThat(rejected.statusCode()).isEqualTo(422);
        var rows = json(rejected).get("rows");
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.get(2).get("column").asString()).isEqualTo("co_unit_codes");
        assertThat(get("/api/org/routing-rules/I-" + street + "-3").statusCode())
                .isEqualTo(404);
    }

    private static String category(String code, String parent) {
        return """
                {"code":"%s","name":"类别","parentCode":%s,"handlingClass":"GENERAL","defaultUrgency":"NORMAL"}
                """.formatted(code, parent == null ? "null" : "\"" + parent + "\"");
    }

    private static String rule(String id, String category, String area, String level, String lead, String... co) {
        return """
                {"ruleId":%s,"categoryCode":%s,"areaCode":"%s","level":%s,"leadUnitCode":"%s","coUnitCodes":[%s],"precedence":1}
                """.formatted(
                quoted(id),
                quoted(category),
                area,
                quoted(level),
                lead,
                String.join(
                        ",",
                        java.util.Arrays.stream(co).map(c -> "\"" + c + "\"").toList()));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
