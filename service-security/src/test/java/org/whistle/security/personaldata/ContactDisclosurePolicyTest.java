package org.whistle.security.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whistle.security.Role;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Relation;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Whose;

/**
 * The disclosure table, cell by cell: for each kind of contact, every relation × every single role. F full, M masked,
 * N none. Columns: RESIDENT GRID_WORKER PARTY_MEMBER COMMUNITY_STAFF STREET_ DISTRICT_ CITY_DISPATCHER
 * DEPARTMENT_OFFICER DEPARTMENT_LEADER PROPERTY_STAFF LEADER ADMINISTRATOR SERVICE.
 */
class ContactDisclosurePolicyTest {

    private static final String REPORTER = """
                              RES GRD PTY COM STR DIS CIT OFF DLD PRO LDR ADM SVC
            ANONYMOUS         N   N   N   N   N   N   N   N   N   N   N   N   N
            SELF              F   F   F   F   F   F   F   F   F   F   F   F   F
            OWNING_CENTRE     M   M   M   M   F   F   F   M   M   M   M   M   M
            SUMMONED_UNIT     M   M   M   F   M   M   M   F   M   F   M   M   M
            SERVICE_DELIVERY  M   M   M   M   M   M   M   M   M   M   M   M   F
            OTHER             M   M   M   M   M   M   M   M   M   M   M   M   M
            """;

    private static final String ACCOUNT_HOLDER = """
                              RES GRD PTY COM STR DIS CIT OFF DLD PRO LDR ADM SVC
            ANONYMOUS         N   N   N   N   N   N   N   N   N   N   N   N   N
            SELF              F   F   F   F   F   F   F   F   F   F   F   F   F
            OWNING_CENTRE     M   M   M   M   M   M   M   M   M   M   M   F   M
            SUMMONED_UNIT     M   M   M   M   M   M   M   M   M   M   M   F   M
            SERVICE_DELIVERY  M   M   M   M   M   M   M   M   M   M   M   F   M
            OTHER             M   M   M   M   M   M   M   M   M   M   M   F   M
            """;

    private static final String DUTY_CONTACT = """
                              RES GRD PTY COM STR DIS CIT OFF DLD PRO LDR ADM SVC
            ANONYMOUS         N   N   N   N   N   N   N   N   N   N   N   N   N
            SELF              F   F   F   F   F   F   F   F   F   F   F   F   F
            OWNING_CENTRE     M   F   M   F   F   F   F   F   F   F   F   F   M
            SUMMONED_UNIT     M   F   M   F   F   F   F   F   F   F   F   F   M
            SERVICE_DELIVERY  M   F   M   F   F   F   F   F   F   F   F   F   M
            OTHER             M   F   M   F   F   F   F   F   F   F   F   F   M
            """;

    private static final List<Role> COLUMNS = List.of(
            Role.RESIDENT,
            Role.GRID_WORKER,
            Role.PARTY_MEMBER,
            Role.COMMUNITY_STAFF,
            Role.STREET_DISPATCHER,
            Role.DISTRICT_DISPATCHER,
            Role.CITY_DISPATCHER,
            Role.DEPARTMENT_OFFICER,
            Role.DEPARTMENT_LEADER,
            Role.PROPERTY_STAFF,
            Role.LEADER,
            Role.ADMINISTRATOR,
            Role.SERVICE);

    @Test
    void theTableNamesEveryRoleAndRelation() {
        assertThat(EnumSet.copyOf(COLUMNS)).isEqualTo(EnumSet.allOf(Role.class));
        for (var table : List.of(REPORTER, ACCOUNT_HOLDER, DUTY_CONTACT)) {
            assertThat(rows(table).stream().map(Row::relation).toList()).containsExactly(Relation.values());
        }
    }

    @Test
    void reportersAreSeenInFullOnlyByThoseWhoMustReachThem() {
        check(Whose.REPORTER, REPORTER);
    }

    @Test
    void accountHoldersAreSeenInFullByThemselvesAndAdministrators() {
        check(Whose.ACCOUNT_HOLDER, ACCOUNT_HOLDER);
    }

    @Test
    void dutyContactsAreSeenInFullByStaffAndMaskedByResidents() {
        check(Whose.DUTY_CONTACT, DUTY_CONTACT);
    }

    @Test
    void anyRoleThatFitsTheRelationIsEnough() {
        assertThat(ContactDisclosurePolicy.decide(
                        Whose.REPORTER,
                        Relation.SUMMONED_UNIT,
                        Set.of(Role.DEPARTMENT_LEADER, Role.DEPARTMENT_OFFICER)))
                .isEqualTo(Disclosure.FULL);
        assertThat(ContactDisclosurePolicy.decide(
                        Whose.DUTY_CONTACT, Relation.OTHER, Set.of(Role.RESIDENT, Role.GRID_WORKER)))
                .isEqualTo(Disclosure.FULL);
        assertThat(ContactDisclosurePolicy.decide(Whose.DUTY_CONTACT, Relation.OTHER, Set.of()))
                .isEqualTo(Disclosure.MASKED);
    }

    @Test
    void eachDisclosureShowsAsMuchAsItSays() {
        assertThat(Disclosure.FULL.phone("13812345678")).isEqualTo("13812345678");
        assertThat(Disclosure.MASKED.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Disclosure.NONE.phone("13812345678")).isNull();
        assertThat(Disclosure.MASKED.name("张桂兰")).isEqualTo("张*兰");
        assertThat(Disclosure.FULL.text("call 13812345678")).isEqualTo("call 13812345678");
        assertThat(Disclosure.MASKED.text("call 13812345678")).isEqualTo("call 138****5678");
        assertThat(Disclosure.NONE.text("call 13812345678")).isEqualTo("call 138****5678");
    }

    private static void check(Whose whose, String table) {
        var wrong = new ArrayList<String>();
        for (var row : rows(table)) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                var role = COLUMNS.get(i);
                var actual = ContactDisclosurePolicy.decide(whose, row.relation(), Set.of(role));
                if (actual != row.expected().get(i)) {
                    wrong.add(row.relation() + " × " + role + ": " + actual + ", expected "
                            + row.expected().get(i));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private record Row(Relation relation, List<Disclosure> expected) {}

    private static List<Row> rows(String table) {
        return table.lines()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> {
                    var cells = line.trim().split("\\s+");
                    var expected = new ArrayList<Disclosure>();
                    for (int i = 1; i < cells.length; i++) {
                        expected.add(
                                switch (cells[i]) {
                                    case "F" -> Disclosure.FULL;
                                    case "M" -> Disclosure.MASKED;
                                    case "N" -> Disclosure.NONE;
                                    default -> throw new IllegalArgumentException(cells[i]);
                                });
                    }
                    assertThat(expected).hasSize(COLUMNS.size());
                    return new Row(Relation.valueOf(cells[0]), expected);
                })
                .toList();
    }
}
