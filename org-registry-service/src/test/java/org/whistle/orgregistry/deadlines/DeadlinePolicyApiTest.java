package org.whistle.orgregistry.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.DeadlinePolicyChanged;
import org.whistle.events.Topics;
import org.whistle.orgregistry.catalogue.ReferenceDataServiceTest;

class DeadlinePolicyApiTest extends ReferenceDataServiceTest {

    private static final String DURATIONS = """
            {"FILE":"PT30M","REPORT_IN":"PT30M","CONTACT_REPORTER":"PT2H","RESOLVE":"PT2H","VERIFY":"PT24H","FOLLOW_UP":"PT72H"}""";

    private String main;
    private String sub;

    @BeforeEach
    void categories() throws Exception {
        main = "GAS" + unique();
        sub = main + "-LEAK";
        asAdmin("POST", "/api/org/categories", """
                {"code":"%s","name":"燃气","handlingClass":"EMERGENCY","defaultUrgency":"URGENT"}""".formatted(main));
        asAdmin("POST", "/api/org/categories", """
                {"code":"%s","name":"燃气泄漏","parentCode":"%s","handlingClass":"EMERGENCY","defaultUrgency":"URGENT"}""".formatted(sub, main));
    }

    @Test
    void createsChangesAndRetiresPoliciesAndLooksUpTheMostSpecific() throws Exception {
        var created = asAdmin("POST", "/api/org/deadline-policies", policy("P-" + main, main, null));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("durations").get("RESOLVE").asString()).isEqualTo("PT2H");
        asAdmin("POST", "/api/org/deadline-policies", policy("P-" + sub, sub, "STREET"));

        var street = json(get("/api/org/deadline-policies/lookup?category=" + sub + "&urgency=URGENT&level=STREET"));
        var district =
                json(get("/api/org/deadline-policies/lookup?category=" + sub + "&urgency=URGENT&level=DISTRICT"));
        assertThat(street.get("policy").get("policyId").asString()).isEqualTo("P-" + sub);
        assertThat(street.get("chosenBy").asString()).isEqualTo("CATEGORY_AND_LEVEL");
        assertThat(district.get("policy").get("policyId").asString()).isEqualTo("P-" + main);
        assertThat(district.get("chosenBy").asString()).isEqualTo("MAIN_CATEGORY_ANY_LEVEL");

        var changed = asAdmin("PUT", "/api/org/deadline-policies/P-" + sub, policy(null, sub, "DISTRICT"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("revision").asLong()).isEqualTo(2);
        assertThat(json(asAdmin("DELETE", "/api/org/deadline-policies/P-" + sub, null))
                        .get("active")
                        .asBoolean())
                .isFalse();
        assertThat(json(get("/api/org/deadline-policies/lookup?category=" + sub + "&urgency=URGENT&level=DISTRICT"))
                        .get("policy")
                        .get("policyId")
                        .asString())
                .isEqualTo("P-" + main);
        assertThat(get("/api/org/deadline-policies/lookup?category=NOPE&urgency=URGENT")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void refusesASecondActivePolicyForTheSameCategoryUrgencyAndLevel() throws Exception {
        asAdmin("POST", "/api/org/deadline-policies", policy("P1-" + main, main, "CITY"));

        var second = asAdmin("POST", "/api/org/deadline-policies", policy("P2-" + main, main, "CITY"));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).get("detail").asString()).isEqualTo("已有在用的时限规则适用于同一事项类别、紧急程度和层级");
    }

    @Test
    void namesEveryInvalidFieldAndStoresNothing() throws Exception {
        var refused = asAdmin("POST", "/api/org/deadline-policies", """
                {"policyId":"P-BAD-%s","categoryCode":"%s","urgency":"URGENT",
                 "durations":{"FILE":"PT30M","REPORT_IN":"soon","CONTACT_REPORTER":"PT2H","RESOLVE":"PT2H","FOLLOW_UP":"PT72H"},
                 "warningRatio":1.5,"pauseWhen":["LUNCH"]}""".formatted(main, main));
        var semantic = asAdmin("POST", "/api/org/deadline-policies", """
                {"policyId":"P-BAD-%s","categoryCode":"NO-SUCH","urgency":"URGENT","durations":%s,"warningRatio":1.5}""".formatted(main, DURATIONS));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("durations.REPORT_IN", "pauseWhen[0]");
        assertThat(fields(semantic)).containsExactlyInAnyOrder("warningRatio", "categoryCode");
        assertThat(get("/api/org/deadline-policies/P-BAD-" + main).statusCode()).isEqualTo(404);
    }

    @Test
    void publishesEachPolicyStateToTheRulesTopic() throws Exception {
        asAdmin("POST", "/api/org/deadline-policies", policy("P-PUB-" + main, main, "STREET"));

        var envelope = published(Topics.ORG_RULES, "P-PUB-" + main, 1);

        assertThat(envelope.type()).isEqualTo("org-deadline-policy-changed");
        var data = (DeadlinePolicyChanged) envelope.data();
        assertThat(data.escalation()).isEqualTo(DeadlinePolicyChanged.Escalation.CITY);
        assertThat(data.pauseWhen()).containsExactly("SUSPENDED", "EXTENSION");
        assertThat(data.durations()).containsKeys(ClockKind.values());
    }

    @Test
    void importsPoliciesWholeOrNotAtAll() throws Exception {
        var header = "policy_id,category_code,urgency,level,file,report_in,contact_reporter,resolve,verify,follow_up,"
                + "warning_ratio,escalation,pause_when,calendar_id\n";
        var good = header
                + "I-%1$s-1,%1$s,NORMAL,,PT2H,PT2H,PT24H,P7D,PT24H,PT72H,,,SUSPENDED;EXTENSION,\n".formatted(main)
                + "I-%1$s-2,%1$s,URGENT,STREET,PT30M,PT30M,PT2H,PT2H,PT24H,PT72H,0.75,CITY,,cal-1\n".formatted(sub);
        var bad = header
                + "I-%1$s-3,%1$s,NORMAL,,PT2H,PT2H,PT24H,P7D,PT24H,PT72H,,,,\n".formatted(main)
                + "I-%1$s-4,%1$s,NORMAL,CITY,PT2H,PT2H,PT24H,never,PT24H,PT72H,2,,,\n".formatted(main);

        var accepted = importCsv("/api/org/imports/deadline-policies", good);
        var again = importCsv("/api/org/imports/deadline-policies", good);
        var rejected = importCsv("/api/org/imports/deadline-policies", bad);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).get("created").asInt()).isEqualTo(2);
        assertThat(json(again).get("unchanged").asInt()).isEqualTo(2);
        assertThat(json(get("/api/org/deadline-policies/I-" + sub + "-2"))
                        .get("warningRatio")
                        .asDouble())
                .isEqualTo(0.75);
        assertThat(rejected.statusCode()).isEqualTo(422);
        var columns = new java.util.ArrayList<String>();
        json(rejected).get("rows").forEach(row -> columns.add(row.get("column").asString()));
        assertThat(columns).containsExactlyInAnyOrder("category_code", "resolve");
        assertThat(get("/api/org/deadline-policies/I-" + main + "-3").statusCode())
                .isEqualTo(404);
    }

    private static String policy(String id, String category, String level) {
        return """
                {"policyId":%s,"categoryCode":"%s","urgency":"URGENT","level":%s,"durations":%s,
                 "warningRatio":0.8,"escalation":"CITY","pauseWhen":["EXTENSION","SUSPENDED"]}""".formatted(
                        id == null ? "null" : "\"" + id + "\"",
                        category,
                        level == null ? "null" : "\"" + level + "\"",
                        DURATIONS);
    }
}
