package org.whistle.orgregistry.organisation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.whistle.events.CommandLevel;
import org.whistle.problems.ConflictException;
import org.whistle.problems.Violation;
import org.whistle.testing.architecture.DomainRules;

class OrganisationRulesTest {

    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final OrgNode CITY = new OrgNode("230200", NodeKind.CITY, "齐齐哈尔市", null, null, START, null);
    static final OrgNode DISTRICT = new OrgNode("230225", NodeKind.DISTRICT, "甘南县", null, "230200", START, null);
    static final OrgNode COMPOUND =
            new OrgNode("230203003001003", NodeKind.COMPOUND, "将军府小区", null, "230203003001", START, null);

    @Test
    void letsAGridSitUnderACompoundOrACommunityButNotUnderAStreet() {
        assertThat(NodeKind.GRID.allowedParents()).containsExactlyInAnyOrder(NodeKind.COMPOUND, NodeKind.COMMUNITY);
        var grid = new OrgNode("230225100009", NodeKind.GRID, "网格", null, "230225", START, null);

        assertThat(grid.violations(DISTRICT)).extracting(Violation::field).containsExactly("parentCode");
    }

    @Test
    void refusesAChildThatStartsBeforeOrAfterItsParentIsValid() {
        var retiredDistrict = new OrgNode("230225", NodeKind.DISTRICT, "甘南县", null, "230200", START, START.plusDays(9));
        var street = new OrgNode("230225100", NodeKind.STREET, "甘南镇", null, "230225", START.plusDays(10), null);

        assertThat(street.violations(retiredDistrict))
                .extracting(Violation::message)
                .anyMatch(m -> m.contains("尚未生效或已停用"));
        assertThat(street.violations(DISTRICT)).isEmpty();
    }

    @Test
    void needsNoParentForACityAndAParentForEverythingElse() {
        assertThat(CITY.violations(null)).isEmpty();
        var orphan = new OrgNode("230299", NodeKind.DISTRICT, "无主区", null, null, START, null);
        assertThat(orphan.violations(null)).extracting(Violation::field).containsExactly("parentCode");
    }

    @Test
    void retiresANodeOnceOnly() {
        var retired = DISTRICT.retiredAfter(LocalDate.of(2025, 6, 30));

        assertThat(retired.activeOn(LocalDate.of(2025, 6, 30))).isTrue();
        assertThat(retired.activeOn(LocalDate.of(2025, 7, 1))).isFalse();
        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> retired.retiredAfter(LocalDate.of(2025, 7, 1)))
                .withMessageContaining("已于 2025-06-30 停用");
    }

    @Test
    void attachesPropertyCompaniesToCompoundsOnlyAndSectionsToDepartments() {
        var company = unit("QQ-WY", UnitKind.PROPERTY_COMPANY, null, "230225");
        assertThat(company.violations(DISTRICT, null))
                .extracting(Violation::field)
                .containsExactly("areaCode");
        assertThat(unit("QQ-WY", UnitKind.PROPERTY_COMPANY, null, COMPOUND.code())
                        .violations(COMPOUND, null))
                .isEmpty();

        var orphanSection = unit("QQ-LZG", UnitKind.SECTION, null, "230225");
        assertThat(orphanSection.violations(DISTRICT, null))
                .extracting(Violation::field)
                .containsExactly("parentUnitCode");
        var underAnOffice = unit("QQ-LZG", UnitKind.SECTION, "QQ-JD", "230225");
        assertThat(underAnOffice.violations(DISTRICT, unit("QQ-JD", UnitKind.STREET_OFFICE, null, "230225100")))
                .extracting(Violation::message)
                .anyMatch(m -> m.contains("科室须隶属于职能部门"));
    }

    @Test
    void acceptsMobileAndLandlineDutyPhonesOnly() {
        var withMobile = new HandlingUnit(
                "QQ-XF", UnitKind.FIRE_BRIGADE, "消防", null, null, "230225", "值班", "13900000001", START, null);
        var withLandline = new HandlingUnit(
                "QQ-XF", UnitKind.FIRE_BRIGADE, "消防", null, null, "230225", "值班", "0452-2345678", START, null);
        var withJunk = new HandlingUnit(
                "QQ-XF", UnitKind.FIRE_BRIGADE, "消防", null, null, "230225", "值班", "119119", START, null);

        assertThat(withMobile.violations(DISTRICT, null)).isEmpty();
        assertThat(withLandline.violations(DISTRICT, null)).isEmpty();
        assertThat(withJunk.violations(DISTRICT, null))
                .extracting(Violation::field)
                .containsExactly("dutyPhone");
    }

    @Test
    void putsEverythingBelowAStreetUnderTheStreetCommandCentre() {
        assertThat(NodeKind.GRID.commandLevel()).isEqualTo(CommandLevel.STREET);
        assertThat(NodeKind.DISTRICT.commandLevel()).isEqualTo(CommandLevel.DISTRICT);
        assertThat(NodeKind.CITY.commandLevel()).isEqualTo(CommandLevel.CITY);
    }

    @Test
    void chainsPartyOrganisationsCompoundGridBuilding() {
        var branch = new PartyOrg("P-GRID-1", PartyOrgKind.GRID_PARTY_BRANCH, "网格党支部", "230203003001003001", "P-CPD-1");
        var grid = new OrgNode("230203003001003001", NodeKind.GRID, "网格", null, COMPOUND.code(), START, null);
        var compoundOrg = new PartyOrg("P-CPD-1", PartyOrgKind.COMPOUND_PARTY_ORG, "小区党组织", COMPOUND.code(), null);

        assertThat(branch.violations(grid, compoundOrg)).isEmpty();
        assertThat(branch.violations(COMPOUND, branch))
                .extracting(Violation::field)
                .containsExactly("nodeCode", "parentCode");
    }

    @Test
    void keepsTheDomainFreeOfSpring() {
        DomainRules.domainIsFreeOfSpring()
                .check(new ClassFileImporter().importPackages("org.whistle.orgregistry.organisation.domain"));
    }

    private static HandlingUnit unit(String code, UnitKind kind, String parent, String area) {
        return new HandlingUnit(code, kind, "单位", null, parent, area, null, null, START, null);
    }
}
