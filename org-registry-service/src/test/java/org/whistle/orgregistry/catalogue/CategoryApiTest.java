package org.whistle.orgregistry.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.whistle.events.CategoryChanged;
import org.whistle.events.Topics;
import org.whistle.events.Urgency;

class CategoryApiTest extends ReferenceDataServiceTest {

    @Test
    void createsChangesAndRetiresCategoriesAndServesTheTree() throws Exception {
        var main = "ROAD" + unique();
        var sub = main + "-POTHOLE";

        assertThat(asAdmin("POST", "/api/org/categories", category(main, null, "GENERAL"))
                        .statusCode())
                .isEqualTo(201);
        var created = asAdmin("POST", "/api/org/categories", category(sub, main, "EMERGENCY"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("revision").asLong()).isEqualTo(1);

        var tree = json(get("/api/org/categories"));
        var node = findCode(tree, main);
        assertThat(node.get("subcategories").get(0).get("code").asString()).isEqualTo(sub);

        var changed = asAdmin("PUT", "/api/org/categories/" + sub, """
                {"name":"坑槽","nameEn":"Pothole","parentCode":"%s","handlingClass":"GENERAL","defaultUrgency":"NORMAL"}
                """.formatted(main));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("revision").asLong()).isEqualTo(2);
        assertThat(json(changed).get("defaultUrgency").asString()).isEqualTo("NORMAL");

        var retired = asAdmin("DELETE", "/api/org/categories/" + sub, null);
        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(json(retired).get("active").asBoolean()).isFalse();
        assertThat(findCode(json(get("/api/org/categories")), main).get("subcategories"))
                .isEmpty();
        assertThat(findCode(json(get("/api/org/categories?includeRetired=true")), main)
                        .get("subcategories")
                        .size())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_type = 'category' AND subject_id = ?")
                        .param(sub)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void refusesToRetireAMainCategoryWhileAnActiveSubcategoryUsesIt() throws Exception {
        var main = "WATER" + unique();
        asAdmin("POST", "/api/org/categories", category(main, null, "UTILITIES"));
        asAdmin("POST", "/api/org/categories", category(main + "-LEAK", main, "UTILITIES"));

        var refused = asAdmin("DELETE", "/api/org/categories/" + main, null);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("detail").asString()).isEqualTo("该事项类别仍被 1 项小类或规则使用，请先停用或改用其他类别");
    }

    @Test
    void letsOnlyAdministratorsWriteAndOnlyTokenHoldersRead() throws Exception {
        var body = category("NOPE" + unique(), null, "GENERAL");

        assertThat(call("POST", "/api/org/categories", resident(), body, "application/json")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/org/categories", null, body, "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/org/categories", null, null, "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/org/categories", resident(), null, "application/json")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void namesEveryInvalidFieldAndStoresNothing() throws Exception {
        var code = "BAD" + unique();

        var refused = asAdmin("POST", "/api/org/categories", """
                {"code":"%s","name":" ","handlingClass":"SOMETIMES","defaultUrgency":"URGENT"}
                """.formatted(code));
        var unknownParent = asAdmin("POST", "/api/org/categories", category(code, "NO-SUCH-PARENT", "GENERAL"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "handlingClass");
        assertThat(unknownParent.statusCode()).isEqualTo(422);
        assertThat(fields(unknownParent)).containsExactly("parentCode");
        assertThat(get("/api/org/categories/" + code).statusCode()).isEqualTo(404);
    }

    @Test
    void publishesEachCategoryStateToTheCategoriesTopic() throws Exception {
        var code = "FIRE" + unique();
        asAdmin("POST", "/api/org/categories", category(code, null, "EMERGENCY"));
        asAdmin("DELETE", "/api/org/categories/" + code, null);

        var retired = published(Topics.ORG_CATEGORIES, code, 2);

        assertThat(retired.type()).isEqualTo("org-category-changed");
        var data = (CategoryChanged) retired.data();
        assertThat(data.active()).isFalse();
        assertThat(data.handlingClass()).isEqualTo("EMERGENCY");
        assertThat(data.defaultUrgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void importsAMainCategoryAndItsSubcategoryFromOneFileAndChangesNothingOnReimport() throws Exception {
        var main = "ENV" + unique();
        var csv = """
                code,name,name_en,parent_code,handling_class,default_urgency
                %1$s,环境,Environment,,GENERAL,NORMAL
                %1$s-GARBAGE,"垃圾清运, 堆积",Garbage,%1$s,GENERAL,NORMAL
                """.formatted(main);

        var first = importCsv("/api/org/imports/categories", csv);
        var again = importCsv("/api/org/imports/categories", csv);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).get("created").asInt()).isEqualTo(2);
        assertThat(json(again).get("unchanged").asInt()).isEqualTo(2);
        var stored = json(get("/api/org/categories/" + main + "-GARBAGE"));
        assertThat(stored.get("name").asString()).isEqualTo("垃圾清运, 堆积");
        assertThat(stored.get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void rejectsAWholeImportReportingEveryBadRow() throws Exception {
        var main = "PARK" + unique();
        var csv = """
                code,name,name_en,parent_code,handling_class,default_urgency
                %1$s,公园,,,GENERAL,NORMAL
                %1$s-TREE,树木,,%1$s,SOMETIMES,NORMAL
                %1$s-BENCH,座椅,,NO-SUCH,GENERAL,NORMAL
                """.formatted(main);

        var rejected = importCsv("/api/org/imports/categories", csv);

        assertThat(rejected.statusCode()).isEqualTo(422);
        var rows = json(rejected).get("rows");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(rows.get(0).get("column").asString()).isEqualTo("handling_class");
        assertThat(rows.get(1).get("column").asString()).isEqualTo("parent_code");
        assertThat(jdbc.sql("SELECT count(*) FROM category WHERE code LIKE ?")
                        .param(main + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    static String category(String code, String parent, String handlingClass) {
        return """
                {"code":"%s","name":"类别 %s","nameEn":"Category","parentCode":%s,"handlingClass":"%s","defaultUrgency":"URGENT"}
                """.formatted(code, code, parent == null ? "null" : "\"" + parent + "\"", handlingClass);
    }

    private static tools.jackson.databind.JsonNode findCode(tools.jackson.databind.JsonNode tree, String code) {
        for (var node : tree) {
            if (node.get("code").asString().equals(code)) {
                return node;
            }
        }
        throw new AssertionError(code + " not in " + tree);
    }
}
