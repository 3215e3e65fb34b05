package org.whistle.systemtests.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.whistle.systemtests.Casework;
import org.whistle.systemtests.Casework.Level;
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.MembersStoryTest;
import org.whistle.systemtests.Place;
import org.whistle.systemtests.Platform;
import org.whistle.systemtests.SharedLocalStack;
import tools.jackson.databind.JsonNode;

/**
 * Phones and names through the gateway, as each role sees them (ADR 0015's disclosure table): in full to those who
 * must call the person, masked ({@code 139****0777}, {@code 黄*业}) to those who need not, nothing to those who may
 * not see the record at all.
 */
@ExtendWith(SharedLocalStack.class)
@ResourceLock(value = MembersStoryTest.ZHAOYUMEI, mode = ResourceAccessMode.READ)
class PersonalDataTest {

    private static final String REPORTER_PHONE = "13900000777";
    private static final String MASKED_PHONE = "139****0777";

    private final Platform platform;
    private final Gateway gateway;
    private final Casework casework;

    PersonalDataTest(Platform platform) {
        this.platform = platform;
        this.gateway = platform.gateway();
        this.casework = new Casework(platform);
    }

    /**
     * A phone reporter's number goes in full to the owning street centre and the units on an open task — they call
     * the reporter — and masked to every other reader, also in the description; once the ticket is closed, to all.
     */
    @Test
    void showsAReportersPhoneOnlyToTheOwningCentreAndTheUnitsWorkingOnIt() {
        var raised = casework.raise(
                null,
                Place.CROSSING,
                "MUNICIPAL-ROAD-DAMAGE",
                "WECHAT",
                "NORMAL",
                "农机路井盖旁路面下沉，有事请打" + REPORTER_PHONE,
                REPORTER_PHONE);
        var whistleId = raised.path("id").asString();
        var ticketId = casework.awaitTicket(whistleId).path("id").asString();
        casework.bring(ticketId, Place.CROSSING, Level.STREET, Casework.Stage.DISPATCHED);

        // Intake learns who owns the ticket and whose tasks are open from dispatch's events.
        await("intake knows the roads section works on " + whistleId)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> page(Principal.DEPARTMENT_OFFICER, whistleId)
                        .at("/reporter/phone")
                        .isString());

        var full = EnumSet.of(Principal.STREET_DISPATCHER, Principal.DEPARTMENT_OFFICER, Principal.COMMUNITY_STAFF);
        var hidden = EnumSet.of(Principal.RESIDENT, Principal.PARTY_MEMBER, Principal.PROPERTY_STAFF);
        for (var principal : Principal.values()) {
            var answer = gateway.get("/api/whistles/" + whistleId, casework.token(principal.account));
            if (hidden.contains(principal)) {
                assertThat(answer.status()).as(principal.name()).isEqualTo(404);
                continue;
            }
            assertThat(answer.status()).as(principal.name()).isEqualTo(200);
            assertReporter(principal.name(), answer.json(), full.contains(principal));
        }
        var ownPage = gateway.call("GET", "/api/whistles/" + whistleId)
                .header("X-Tracking-Code", raised.path("trackingCode").asString())
                .header("X-Reporter-Phone", REPORTER_PHONE)
                .send()
                .expect(200);
        assertReporter("the reporter", ownPage, true);

        var street = casework.centreActor(Place.CROSSING, Level.STREET);
        var lead = Place.CROSSING.leadUnit;
        casework.unit(casework.actor(Place.CROSSING.coUnit), ticketId, Place.CROSSING.coUnit, "report-in", "{}");
        casework.unit(casework.actor(lead), ticketId, lead, "report-in", "{}");
        casework.unit(casework.actor(lead), ticketId, lead, "done", Casework.doneWithEvidence("已修复"));
        casework.centre(street, ticketId, "verify", "{\"pass\":true}");
        casework.centre(street, ticketId, "close", "{\"outcome\":\"RESOLVED\"}");
        await("intake knows " + whistleId + " is closed")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> page(Principal.STREET_DISPATCHER, whistleId)
                        .path("status")
                        .asString()
                        .equals("CLOSED"));
        for (var principal : full) {
            assertReporter(principal + " after closing", page(principal, whistleId), false);
        }
    }

    /** A unit's duty contact in full to staff; masked to residents, party members and services. */
    @Test
    void masksADutyContactForResidentsPartyMembersAndServices() {
        var masked = Set.of(Principal.RESIDENT, Principal.PARTY_MEMBER, Principal.SERVICE);
        for (var principal : Principal.values()) {
            var unit = gateway.get("/api/org/units/QQ-230225-ZJJ-LZG", casework.token(principal.account))
                    .expect(200);
            if (masked.contains(principal)) {
                assertThat(unit.path("dutyPhone").asString())
                        .as(principal.name())
                        .isEqualTo("139****0002");
                assertThat(unit.path("dutyName").asString())
                        .as(principal.name())
                        .isEqualTo("黄*业");
            } else {
                assertThat(unit.path("dutyPhone").asString())
                        .as(principal.name())
                        .isEqualTo("13900000002");
                assertThat(unit.path("dutyName").asString())
                        .as(principal.name())
                        .isEqualTo("黄继业");
            }
        }
    }

    /** Everyone sees their own account's phone; only administrators see another's. */
    @Test
    void showsAnAccountsPhoneToItsHolderAndToAdministratorsOnly() {
        for (var user : platform.accounts().users()) {
            var me = gateway.get("/api/org/users/me", casework.token(user.username()))
                    .expect(200);
            assertThat(me.path("phone").asString()).as(user.username()).isEqualTo(user.phone());
        }
        var other = gateway.get("/api/org/users/gn.grid.lishuxia", casework.token("admin"))
                .expect(200);
        assertThat(other.path("phone").asString()).isEqualTo("13900000001");
    }

    /**
     * The tracking code is the reporter's secret (issue 17, ADR 0018): in the raise answer only — no role's view of
     * the whistle shows it — and it opens the reporter's page only with the phone the whistle was raised with.
     */
    @Test
    void showsTheTrackingCodeToNoRoleAndOpensTheReportersPageOnlyWithThePhone() {
        var raised = casework.raise(
                null, Place.CROSSING, "MUNICIPAL-ROAD-DAMAGE", "WECHAT", "NORMAL", "井盖松动（查询码只给上报人）", REPORTER_PHONE);
        var whistleId = raised.path("id").asString();
        var code = raised.path("trackingCode").asString();
        assertThat(code).matches("QQ\\d{8}-[0-9A-Z]{10}");

        for (var principal : Principal.values()) {
            var answer = gateway.get("/api/whistles/" + whistleId, casework.token(principal.account));
            assertThat(answer.body()).as(principal.name()).doesNotContain(code);
        }
        var codeAlone = gateway.call("GET", "/api/whistles/track")
                .header("X-Tracking-Code", code)
                .send();
        var wrongPhone = gateway.call("GET", "/api/whistles/track")
                .header("X-Tracking-Code", code)
                .header("X-Reporter-Phone", "13900000778")
                .send();
        var withPhone = gateway.call("GET", "/api/whistles/track")
                .header("X-Tracking-Code", code)
                .header("X-Reporter-Phone", REPORTER_PHONE)
                .send()
                .expect(200);
        assertThat(codeAlone.status()).isEqualTo(404);
        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(withPhone.path("id").asString()).isEqualTo(whistleId);
    }

    /**
     * What an anonymous caller reads (docs/security.md, "Anonymous callers"): category, status, time and a coarse
     * location — never the description, the address text or a phone, neither nearby nor through Open311 without a key.
     */
    @Test
    void showsAnonymousCallersNoDescriptionAddressOrPhone() {
        var description = "井盖缺失（匿名只见类别与状态）请打" + REPORTER_PHONE;
        var raised = casework.raise(
                null, Place.CROSSING, "MUNICIPAL-ROAD-DAMAGE", "WECHAT", "NORMAL", description, REPORTER_PHONE);
        var whistleId = raised.path("id").asString();

        var nearby = gateway.call(
                        "GET",
                        "/api/whistles/nearby?lat=" + Place.CROSSING.lat + "&lng=" + Place.CROSSING.lng
                                + "&category=MUNICIPAL-ROAD-DAMAGE&radius=1000")
                .send()
                .expect(200);
        var open311 = gateway.call("GET", "/open311/v2/requests/" + whistleId + ".json")
                .send()
                .expect(200);

        assertThat(nearby.path("whistles").findValuesAsString("id")).contains(whistleId);
        for (var page : new JsonNode[] {nearby, open311}) {
            assertThat(page.toString())
                    .doesNotContain("井盖缺失")
                    .doesNotContain(REPORTER_PHONE)
                    .doesNotContain(MASKED_PHONE);
        }
        assertThat(open311.path(0).path("description").isNull()).isTrue();
        assertThat(open311.path(0).path("address").isNull()).isTrue();
    }

    private static void assertReporter(String who, JsonNode page, boolean full) {
        var reporter = page.path("reporter");
        assertThat(reporter.path("maskedPhone").asString()).as(who).isEqualTo(MASKED_PHONE);
        if (full) {
            assertThat(reporter.path("phone").asString(""))
                    .as(who + " sees the number")
                    .isEqualTo(REPORTER_PHONE);
            assertThat(page.path("description").asString()).as(who).contains(REPORTER_PHONE);
        } else {
            assertThat(reporter.path("phone").asString(null))
                    .as(who + " does not see the number")
                    .isNull();
            assertThat(page.path("description").asString())
                    .as(who)
                    .doesNotContain(REPORTER_PHONE)
                    .contains(MASKED_PHONE);
        }
    }

    private JsonNode page(Principal principal, String whistleId) {
        return gateway.get("/api/whistles/" + whistleId, casework.token(principal.account))
                .expect(200);
    }
}
