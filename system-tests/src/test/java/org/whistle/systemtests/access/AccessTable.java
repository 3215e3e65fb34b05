package org.whistle.systemtests.access;

import static org.whistle.systemtests.access.Row.row;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.whistle.systemtests.Casework;
import org.whistle.systemtests.Casework.Prepared;
import org.whistle.systemtests.Casework.Stage;
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.Place;

/**
 * The one table: every endpoint the services expose, and what each role may do with it inside and outside its scope,
 * through the gateway. {@link AccessMatrixTest} checks it against the endpoints the services really map, so an
 * endpoint without a row (or a row without an endpoint) fails the build.
 *
 * <p>Columns, in {@link Principal}'s order:
 *
 * <pre>
 * RES resident · GRD grid worker · PTY party member · COM community staff · STR street dispatcher · DST district
 * dispatcher · CTY city dispatcher · OFF department officer · DLD department leader · PRP property staff · LDR leader
 * · ADM administrator · SVC a Whistle service (client credentials)
 * </pre>
 *
 * Inside scope means the caller's own street, district or city (a district dispatcher acts on its district-level
 * tickets and reads its streets', a city dispatcher acts at city level), a ticket or whistle that summons its unit,
 * its own whistle; outside, the same for another street, district or unit (for department and property staff: a
 * whistle in their own area that summons other units), or another person's whistle. {@code -}: no such case.
 * Dispatch hides a ticket the caller may not see (404) and refuses what it sees but may not change (403).
 */
final class AccessTable {

    private AccessTable() {}

    private static final String ALL_200 = "200 200 200 200 200 200 200 200 200 200 200 200 200";
    private static final String ALL_201 = "201 201 201 201 201 201 201 201 201 201 201 201 201";
    private static final String ALL_403 = "403 403 403 403 403 403 403 403 403 403 403 403 403";
    private static final String ALL_404 = "404 404 404 404 404 404 404 404 404 404 404 404 404";
    private static final String ALL_302 = "302 302 302 302 302 302 302 302 302 302 302 302 302";
    private static final String ALL_400 = "400 400 400 400 400 400 400 400 400 400 400 400 400";
    private static final String NONE = " -   -   -   -   -   -   -   -   -   -   -   -   - ";
    private static final String ADMIN_200 = "403 403 403 403 403 403 403 403 403 403 403 200 403";
    private static final String ADMIN_201 = "403 403 403 403 403 403 403 403 403 403 403 201 403";
    private static final String ADMIN_204 = "403 403 403 403 403 403 403 403 403 403 403 204 403";
    /** Outside scope, for endpoints whose outside is another place: city-wide principals have none. */
    private static final String HIDDEN_OUTSIDE = "403 403 403 404 404 404  -  404 404 404  -   -   - ";
    /** Outside scope, for endpoints that refuse (403) rather than hide what lies elsewhere. */
    private static final String REFUSED_OUTSIDE = "403 403 403 403 403 403  -  403 403 403  -   -   - ";

    static List<Row> rows() {
        return List.of(
                // ---- dispatch: the ticket -------------------------------------------------------------------
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "GET /api/tickets/{id}",
                        "403 403 403 200 200 200 200 200 200 200 200 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        ticketRead(t -> "/api/tickets/" + t.ticketId())),
                row(
                        "GET /api/tickets/by-whistle/{whistleId}",
                        "403 403 403 200 200 200 200 200 200 200 200 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        ticketRead(t -> "/api/tickets/by-whistle/" + t.whistleId())),
                row(
                        "GET /api/tickets/{id}/proposal",
                        "403 403 403 200 200 200 200 200 200 200 200 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        ticketRead(t -> "/api/tickets/" + t.ticketId() + "/proposal")),
                row(
                        "GET /api/tickets/overview",
                        "403 403 403 403 200 200 200 403 403 403 200 403 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> {
                            var area = s == Scope.IN ? f.areaOf(p) : outsideArea(p);
                            return area == null ? null : Request.at("/api/tickets/overview?area=" + area);
                        }),
                row(
                        // the 大屏's event points: the overview's readers, the same area check
                        "GET /api/tickets/points",
                        "403 403 403 403 200 200 200 403 403 403 200 403 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> {
                            var area = s == Scope.IN ? f.areaOf(p) : outsideArea(p);
                            return area == null
                                    ? null
                                    : Request.at("/api/tickets/points?area=" + area
                                            + "&south=47&west=123&north=48.5&east=124.5");
                        }),
                row(
                        "POST /api/tickets/{id}/file",
                        "403 403 403 404 200 200 200 404 404 404 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.RAISED, "file", t -> "{}")),
                row(
                        "POST /api/tickets/{id}/reject",
                        "403 403 403 404 200 200 200 404 404 404 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.RAISED, "reject", t -> reason("重复举报"))),
                row(
                        "POST /api/tickets/{id}/merge",
                        "403 403 403 404 200 200 200 404 404 404 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        AccessTable::merge),
                row(
                        "POST /api/tickets/{id}/priority",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.DISPATCHED, "priority", t -> "{\"priority\":\"URGENT\"}")),
                row(
                        "POST /api/tickets/{id}/category",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.DISPATCHED, "category", t -> "{\"category\":\"MUNICIPAL-STREETLIGHT\"}")),
                row(
                        "POST /api/tickets/{id}/summon",
                        "403 403 403 404 200 200 200 404 404 404 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.FILED, "summon", AccessTable::summon)),
                row(
                        "POST /api/tickets/{id}/transfer",
                        "403 403 403 404 200 200 200 404 404 404 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.RAISED, "transfer", AccessTable::transfer)),
                row(
                        "POST /api/tickets/{id}/extensions/{requestId}/approve",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(
                                Stage.EXTENSION_PENDING,
                                t -> "extensions/" + t.place().leadUnit + ".1/approve",
                                t -> "{}")),
                row(
                        "POST /api/tickets/{id}/extensions/{requestId}/refuse",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(
                                Stage.EXTENSION_PENDING,
                                t -> "extensions/" + t.place().leadUnit + ".1/refuse",
                                t -> reason("工期可以保证"))),
                row(
                        "POST /api/tickets/{id}/suspend",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.DISPATCHED, "suspend", t -> reason("等待天气转好"))),
                row(
                        "POST /api/tickets/{id}/resume",
                        "403 403 403 404 200 200 200 404 404 404 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.SUSPENDED, "resume", t -> "{}")),
                row(
                        "POST /api/tickets/{id}/verify",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.RESOLVED, "verify", t -> "{\"pass\":true,\"note\":\"现场核查属实\"}")),
                row(
                        "POST /api/tickets/{id}/close",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.VERIFIED, "close", t -> "{\"outcome\":\"RESOLVED\"}")),
                row(
                        "POST /api/tickets/{id}/reopen",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.CLOSED, "reopen", t -> reason("居民反映仍未修好"))),
                // ---- dispatch: timeline anchors (ADR 0016) ---------------------------------------------------
                // Verifying a timeline against its anchors in Kafka is an audit for dispatchers and leaders who read
                // the ticket: a summoned unit reads the ticket but gets 403 here. The key that signs checkpoints is
                // public to every signed-in caller.
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "GET /api/tickets/{id}/anchors",
                        "403 403 403 403 200 200 200 403 403 403 200 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        ticketRead(t -> "/api/tickets/" + t.ticketId() + "/anchors")),
                row(
                        "GET /api/tickets/anchor-key",
                        ALL_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/tickets/anchor-key")),
                // ---- dispatch: a unit's own task ------------------------------------------------------------
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "POST /api/tickets/{id}/tasks/{unit}/report-in",
                        "403 403 403 200 403 403 403 200 200 200 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        task(Stage.DISPATCHED, "report-in", "{}")),
                row(
                        "POST /api/tickets/{id}/tasks/{unit}/decline",
                        "403 403 403 200 403 403 403 200 200 200 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        task(Stage.DISPATCHED, "decline", reason("不属于本单位职责"))),
                row(
                        "POST /api/tickets/{id}/tasks/{unit}/on-site",
                        "403 403 403 200 403 403 403 200 200 200 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        task(Stage.IN_PROGRESS, "on-site", "{}")),
                row(
                        "POST /api/tickets/{id}/tasks/{unit}/progress",
                        "403 403 403 200 403 403 403 200 200 200 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        task(Stage.IN_PROGRESS, "progress", Casework.doneWithEvidence("已封闭施工区域"))),
                row(
                        "POST /api/tickets/{id}/tasks/{unit}/contacted-reporter",
                        "403 403 403 200 403 403 403 200 200 200 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        task(Stage.IN_PROGRESS, "contacted-reporter", "{\"note\":\"已电话联系举报人\"}")),
                row(
                        "POST /api/tickets/{id}/tasks/{unit}/done",
                        "403 403 403 200 403 403 403 200 200 200 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        task(Stage.IN_PROGRESS, "done", Casework.doneWithEvidence("已修复"))),
                row(
                        "POST /api/tickets/{id}/tasks/{unit}/extension-requests",
                        "403 403 403 200 403 403 403 200 200 200 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        task(
                                Stage.IN_PROGRESS,
                                "extension-requests",
                                "{\"clock\":\"RESOLVE\",\"extraTime\":\"PT24H\",\"reason\":\"材料未到\"}")),
                // ---- dispatch: queues -----------------------------------------------------------------------
                row(
                        "GET /api/queues/units/{unit}",
                        "403 403 403 200 403 403 403 200 200 200 403 403 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> {
                            var unit = s == Scope.IN ? ownUnit(f, p) : otherUnit(f, p);
                            return unit == null ? null : Request.at("/api/queues/units/" + unit);
                        }),
                row(
                        "GET /api/queues/centres/{centre}",
                        "403 403 403 403 200 200 200 403 403 403 200 403 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> {
                            var spot = Fixtures.ticketSpot(p, s);
                            return spot == null
                                    ? null
                                    : Request.at(
                                            "/api/queues/centres/" + Casework.centreOf(spot.place(), spot.level()));
                        }),
                row(
                        "GET /api/queues/centres/{centre}/export",
                        "403 403 403 403 200 200 200 403 403 403 200 403 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> {
                            var spot = Fixtures.ticketSpot(p, s);
                            return spot == null
                                    ? null
                                    : Request.at("/api/queues/centres/" + Casework.centreOf(spot.place(), spot.level())
                                            + "/export?format=csv");
                        }),
                // ---- dispatch: bulk actions (issue 23) ------------------------------------------------------
                // Only a dispatcher asks at all (403 otherwise); each ticket is then authorised on its own and the
                // answer (200) says per ticket what happened — another place's ticket is "not found" in it.
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "POST /api/tickets/bulk",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        "403 403 403 403 200 200  -  403 403 403  -   -   - ",
                        401,
                        (f, p, s, fresh) -> {
                            var ticket = f.ticket(p, s, Stage.RAISED, fresh);
                            return ticket == null
                                    ? null
                                    : Request.json(
                                            "/api/tickets/bulk",
                                            "{\"action\":\"FILE\",\"tickets\":[\"" + ticket.ticketId() + "\"]}");
                        }),
                // ---- dispatch: command actions (issue 18) ---------------------------------------------------
                // 督办/催办 and 提级 come from above: a district or city dispatcher, on any ticket in its subtree (at its
                // own level or below for orders, below for a take-over — the ticket is one level below the caller's);
                // a street dispatcher sees the ticket but is refused. 下派, withdrawing a unit and replacing the lead
                // are the owning centre's (a street ticket has no level below: 422).
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "POST /api/tickets/{id}/supervise",
                        "403 403 403 403 403 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.DISPATCHED, "supervise", t -> supervision("群众反映强烈，限期修复"))),
                row(
                        "POST /api/tickets/{id}/remind",
                        "403 403 403 403 403 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.DISPATCHED, "remind", t -> supervision("请尽快到场"))),
                row(
                        "POST /api/tickets/{id}/pull-up",
                        "403 403 403 403 403 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> {
                            var spot = Fixtures.ticketSpot(p, s);
                            if (spot == null) {
                                return null;
                            }
                            var below = switch (spot.level()) {
                                case CITY -> Casework.Level.DISTRICT;
                                case DISTRICT, STREET -> Casework.Level.STREET;
                            };
                            var ticket = f.ticket(new Fixtures.Spot(spot.place(), below), Stage.DISPATCHED, fresh, "");
                            return Request.json(
                                    "/api/tickets/" + ticket.ticketId() + "/pull-up", reason("涉及多个部门，上级统筹"));
                        }),
                row(
                        "POST /api/tickets/{id}/hand-down",
                        "403 403 403 403 422 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(Stage.DISPATCHED, "hand-down", t -> {
                            var to = t.level() == Casework.Level.CITY ? Casework.Level.DISTRICT : Casework.Level.STREET;
                            return "{\"level\":\"%s\",\"reason\":\"交下级办理\"}".formatted(to);
                        })),
                row(
                        "POST /api/tickets/{id}/tasks/{unit}/withdraw",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(
                                Stage.DISPATCHED,
                                t -> "tasks/" + t.place().coUnit + "/withdraw",
                                t -> reason("误派，不属于该单位"))),
                row(
                        "POST /api/tickets/{id}/lead",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        HIDDEN_OUTSIDE,
                        401,
                        centre(
                                Stage.DISPATCHED,
                                "lead",
                                t -> "{\"lead\":\"%s\",\"reason\":\"改由协办单位主办\"}".formatted(t.place().coUnit))),
                // ---- sla ------------------------------------------------------------------------------------
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "GET /api/sla/tickets/{id}",
                        "403 403 403 403 200 200 200 200 200 403 200 403 403",
                        "403 403 403 403 404 404  -  404 404 403  -   -   - ",
                        401,
                        (f, p, s, fresh) -> {
                            var ticket = f.clockedTicket(p, s);
                            return ticket == null ? null : Request.at("/api/sla/tickets/" + ticket.ticketId());
                        }),
                // A dispatcher's summary counts only the tickets in its scope; a unit asks only for its own.
                row(
                        "GET /api/sla/summary",
                        "403 403 403 403 200 200 200 200 200 403 200 403 403",
                        "403 403 403 403 200 200  -  403 403 403  -   -   - ",
                        401,
                        (f, p, s, fresh) -> {
                            var unit = s == Scope.IN ? ownUnit(f, p) : otherUnit(f, p);
                            return unit == null ? null : Request.at("/api/sla/summary?unit=" + unit);
                        }),
                // ---- intake ---------------------------------------------------------------------------------
                row(
                        "POST /api/whistles [application/json]",
                        ALL_201,
                        NONE,
                        201,
                        (f, p, s, fresh) -> Request.json("/api/whistles", whistle(p, "WECHAT"))),
                row("POST /api/whistles [multipart/form-data]", ALL_201, NONE, 201, (f, p, s, fresh) -> {
                    var multipart = new Gateway.Multipart()
                            .part("whistle", "application/json", whistle(p, "WECHAT"))
                            .file("evidence", "scene.jpg", "image/jpeg", Casework.photo());
                    return Request.bytes("/api/whistles", multipart.contentType(), multipart.bytes());
                }),
                row(
                        "GET /api/whistles/nearby",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.at(
                                "/api/whistles/nearby?lat=47.9218&lng=123.5046&category=MUNICIPAL-ROAD-DAMAGE")),
                row(
                        "POST /api/whistles/{id}/supports [application/json]",
                        ALL_201,
                        NONE,
                        201,
                        (f, p, s, fresh) -> Request.json(
                                "/api/whistles/" + f.openWhistle().id() + "/supports",
                                "{\"note\":\"我也看到了\",\"phone\":\"1390000" + String.format("%04d", f.next()) + "\"}")),
                row("POST /api/whistles/{id}/supports [multipart/form-data]", ALL_201, NONE, 201, (f, p, s, fresh) -> {
                    var multipart = new Gateway.Multipart()
                            .field("note", "补充照片")
                            .file("evidence", "more.jpg", "image/jpeg", Casework.photo());
                    return Request.bytes(
                            "/api/whistles/" + f.openWhistle().id() + "/supports",
                            multipart.contentType(),
                            multipart.bytes());
                }),
                // The raise page's reverse lookup: the city's place names at a point, for anyone (issue 23).
                row(
                        "GET /api/whistles/address",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.at("/api/whistles/address?lat=47.9218&lng=123.5046")),
                // 我的吹哨: whatever the caller raised with their account (none for most principals), never another's.
                row("GET /api/whistles/mine", ALL_200, NONE, 401, (f, p, s, fresh) -> Request.at("/api/whistles/mine")),
                // The tracking code and the reporter's phone are the credential, whoever sends them.
                row(
                        "GET /api/whistles/track",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.at("/api/whistles/track?code="
                                + f.anonymousWhistle().trackingCode() + "&phone=" + Fixtures.ANONYMOUS_PHONE)),
                // A caller's whole number finds the whistles raised with it in a dispatcher's area (issue 23, ADR
                // 0059).
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "POST /api/whistles/phone-search",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/whistles/phone-search", "{\"phone\":\"" + Fixtures.ANONYMOUS_PHONE + "\"}")),
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "GET /api/whistles/{id}",
                        ALL_200,
                        "404 404 404 404 404 404  -  404 404 404  -   -   - ",
                        404,
                        (f, p, s, fresh) -> {
                            var whistle = f.whistle(p, s, false);
                            return whistle == null ? null : Request.at("/api/whistles/" + whistle.id());
                        }),
                row(
                        "GET /api/whistles/{id}/evidence/{mediaId}",
                        ALL_200,
                        "404 404 404 404 404 404  -  404 404 404  -   -   - ",
                        404,
                        (f, p, s, fresh) -> {
                            var whistle = f.whistle(p, s, true);
                            return whistle == null
                                    ? null
                                    : Request.at("/api/whistles/" + whistle.id() + "/evidence/" + whistle.mediaId());
                        }),
                // ---- issue 17: the reporter's voice ---------------------------------------------------------
                // The follow-up answer (回访) comes from the reporter (their own whistle: RES, PTY) or, taken by
                // phone, from a command centre whose area holds the whistle (STR, DST, CTY: 电话回访, recorded with
                // who did it); other staff see the whistle but may not answer for the reporter (403), and nobody
                // outside sees it (404). One answer counts per round: every case here gets a fresh resolved whistle.
                // The tracking code is the reporter's alone: /track needs it with the phone the whistle was raised
                // with (the row above sends both); staff views never show it (PersonalDataTest).
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "POST /api/whistles/{id}/feedback",
                        "201 403 201 403 201 201 201 403 403 403 403 403 403",
                        "404 404 404 404 404 404  -  404 404 404  -   -   - ",
                        404,
                        (f, p, s, fresh) -> {
                            var whistle = f.resolvedWhistle(p, s, fresh);
                            return whistle == null
                                    ? null
                                    : Request.json(
                                            "/api/whistles/" + whistle.id() + "/feedback",
                                            "{\"rating\":\"SATISFIED\",\"resolved\":true,\"comment\":\"修得很快\"}");
                        }),
                // Photos of the handling, from the units summoned and the dispatchers whose scope covers the whistle.
                row(
                        "POST /api/whistles/{id}/handling-evidence [multipart/form-data]",
                        "403 403 403 201 201 201 201 201 201 201 403 403 403",
                        "404 404 404 404 404 404  -  404 404 404  -   -   - ",
                        404,
                        (f, p, s, fresh) -> {
                            var whistle = f.whistle(p, s, false);
                            if (whistle == null) {
                                return null;
                            }
                            var multipart = new Gateway.Multipart()
                                    .file("evidence", "handled.jpg", "image/jpeg", Casework.photo());
                            return Request.bytes(
                                    "/api/whistles/" + whistle.id() + "/handling-evidence",
                                    multipart.contentType(),
                                    multipart.bytes());
                        }),
                // Only Whistle services may read a reporter's phone, and only behind the gateway: it routes no
                // /internal path, so nobody reaches it from outside, whatever their token.
                row(
                                "GET /internal/whistles/{id}/contact",
                                ALL_404,
                                NONE,
                                404,
                                (f, p, s, fresh) -> Request.at("/internal/whistles/"
                                        + f.anonymousWhistle().id() + "/contact"))
                        .badToken(404),
                // ---- issue 18: hotline calls placed by address (电话受理) --------------------------------------
                // Grids proposed for the address a caller gives: for the command centres' dispatchers (and the
                // administrator), who then raise the HOTLINE whistle with the grid they confirm through
                // POST /api/whistles (location.gridId, refused as 422 on any other channel). Place names are the
                // city's, so there is no scope to be out of; anonymous callers are asked to sign in.
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "GET /api/whistles/places",
                        "403 403 403 403 200 200 200 403 403 403 403 200 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at(
                                "/api/whistles/places?address=%E5%B0%86%E5%86%9B%E5%BA%9C%E5%B0%8F%E5%8C%BA")),
                // ---- intake: Open311 GeoReport v2, public with an api_key for writes --------------------------
                row(
                        "GET /open311/v2/discovery.{format}",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.at("/open311/v2/discovery.json")),
                row(
                        "GET /open311/v2/services.{format}",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.at("/open311/v2/services.json?jurisdiction_id=qiqihar.gov.cn")),
                row(
                        "GET /open311/v2/services/{code}.{format}",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.at(
                                "/open311/v2/services/MUNICIPAL-ROAD-DAMAGE.json?jurisdiction_id=qiqihar.gov.cn")),
                row(
                        "POST /open311/v2/requests.{format} [application/x-www-form-urlencoded, multipart/form-data]",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.body(
                                "/open311/v2/requests.json",
                                "application/x-www-form-urlencoded",
                                Gateway.formEncoded(java.util.Map.of(
                                        "api_key", Open311.API_KEY,
                                        "jurisdiction_id", "qiqihar.gov.cn",
                                        "service_code", "MUNICIPAL-ROAD-DAMAGE",
                                        "lat", "47.9218",
                                        "long", "123.5046",
                                        "description", "路面破损（Open311 矩阵）")))),
                row(
                        "GET /open311/v2/requests.{format}",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.at("/open311/v2/requests.json?jurisdiction_id=qiqihar.gov.cn")),
                row(
                        "GET /open311/v2/requests/{id}.{format}",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.at("/open311/v2/requests/"
                                + f.openWhistle().id() + ".json?jurisdiction_id=qiqihar.gov.cn")),
                row(
                        "GET /open311/v2/tokens/{token}.{format}",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.at(
                                "/open311/v2/tokens/" + f.openWhistle().id() + ".json?jurisdiction_id=qiqihar.gov.cn")),
                row(
                        "GET /open311/v2/servicerequestupdates.{format}",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) ->
                                Request.at("/open311/v2/servicerequestupdates.json?jurisdiction_id=qiqihar.gov.cn")),
                row(
                        "POST /open311/v2/servicerequestupdates.{format} [application/x-www-form-urlencoded, multipart/form-data]",
                        ALL_200,
                        NONE,
                        200,
                        (f, p, s, fresh) -> Request.body(
                                "/open311/v2/servicerequestupdates.json",
                                "application/x-www-form-urlencoded",
                                Gateway.formEncoded(java.util.Map.of(
                                        "api_key",
                                        Open311.API_KEY,
                                        "jurisdiction_id",
                                        "qiqihar.gov.cn",
                                        "service_request_id",
                                        f.openWhistle().id(),
                                        "description",
                                        "Open311 补充说明")))),
                // A photo link from media_url is signed and expires; a made-up signature opens nothing (issue 25).
                row(
                        "GET /open311/v2/media/{mediaId}",
                        ALL_403,
                        NONE,
                        403,
                        get("/open311/v2/media/" + java.util.UUID.randomUUID() + "?expires=1&signature=x")),
                // ---- intake: Open311 API keys are issued and revoked by administrators (issue 25) ---------------
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row("GET /api/open311/keys", ADMIN_200, NONE, 401, get("/api/open311/keys")),
                row(
                        "POST /api/open311/keys",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json("/api/open311/keys", "{\"client\":\"访问矩阵测试系统\"}")),
                row(
                        "POST /api/open311/keys/{id}/revoke",
                        "403 403 403 403 403 403 403 403 403 403 403 404 403",
                        NONE,
                        401,
                        (f, p, s, fresh) ->
                                Request.json("/api/open311/keys/" + java.util.UUID.randomUUID() + "/revoke", "{}")),
                // ---- notification ---------------------------------------------------------------------------
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "GET /api/notifications/deliveries",
                        "403 403 403 403 200 200 200 403 403 403 403 200 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> {
                            var ticket = f.notifiedTicket(p, s);
                            return ticket == null
                                    ? null
                                    : Request.at("/api/notifications/deliveries?whistleId=" + ticket.whistleId());
                        }),
                row(
                        "GET /api/notifications/rules",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/notifications/rules")),
                row(
                        "POST /api/notifications/rules",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json("/api/notifications/rules", Fixtures.notificationRuleJson())),
                row(
                        "PUT /api/notifications/rules/{id}",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> new Request(
                                "/api/notifications/rules/" + f.notificationRule(fresh),
                                "application/json",
                                Fixtures.notificationRuleJson().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                false)),
                row(
                        "DELETE /api/notifications/rules/{id}",
                        ADMIN_204,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/notifications/rules/" + f.notificationRule(fresh))),
                // ---- notification: area subscriptions are for command centres (issue 17) ----------------------
                // Watching an area (every whistle raised in it) is for command centres: their dispatchers and their
                // integration clients (the SVC client is bound to the city centre). Unit accounts (department,
                // property, community staff), grid workers, residents, leaders and administrators get 403. Reading
                // and cancelling one's own stays open; the outside case deletes a street dispatcher's subscription.
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "POST /api/notifications/area-subscriptions",
                        "403 403 403 403 201 201 201 403 403 403 403 403 201",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> s == Scope.OUT && p.citywide()
                                ? null
                                : Request.json(
                                        "/api/notifications/area-subscriptions",
                                        "{\"areaId\":\"" + (s == Scope.IN ? f.areaOf(p) : Fixtures.areaOutside(p))
                                                + "\"}")),
                row(
                        "GET /api/notifications/area-subscriptions",
                        ALL_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/notifications/area-subscriptions")),
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "DELETE /api/notifications/area-subscriptions/{id}",
                        " -   -   -   -  204 204 204  -   -   -   -   -  204",
                        ALL_404,
                        401,
                        (f, p, s, fresh) -> {
                            boolean centre = switch (p) {
                                case STREET_DISPATCHER, DISTRICT_DISPATCHER, CITY_DISPATCHER, SERVICE -> true;
                                default -> false;
                            };
                            if (s == Scope.IN && !centre) {
                                return null;
                            }
                            var others = p == Principal.STREET_DISPATCHER
                                    ? Principal.DISTRICT_DISPATCHER
                                    : Principal.STREET_DISPATCHER;
                            return Request.at("/api/notifications/area-subscriptions/"
                                    + (s == Scope.IN
                                            ? f.ownDeletableSubscription(p)
                                            : f.areaSubscription(others, false)));
                        }),
                // A webhook's secret is shown once, when created or rotated here; the unit's accounts and
                // administrators may rotate it.
                row(
                        "POST /api/notifications/webhooks/{id}/secret",
                        "403 403 403 200 200 200 200 200 200 200 403 200 200",
                        "403 403 403 403 403 403 403 403 403 403 403  -  403",
                        401,
                        webhook(id -> "/api/notifications/webhooks/" + id + "/secret")),
                // ---- end of area subscriptions and webhook secrets (issue 17) ----------------------------------
                row(
                        "POST /api/notifications/webhooks",
                        "422 422 422 201 201 201 201 201 201 201 422 201 201",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/notifications/webhooks",
                                Fixtures.webhookJson(p == Principal.ADMINISTRATOR ? Place.CROSSING.leadUnit : null))),
                row(
                        "GET /api/notifications/webhooks",
                        ALL_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/notifications/webhooks")),
                row(
                        "POST /api/notifications/webhooks/{id}/enable",
                        "403 403 403 200 200 200 200 200 200 200 403 200 200",
                        "403 403 403 403 403 403 403 403 403 403 403  -  403",
                        401,
                        webhook(id -> "/api/notifications/webhooks/" + id + "/enable")),
                row(
                        "DELETE /api/notifications/webhooks/{id}",
                        "403 403 403 204 204 204 204 204 204 204 403 204 204",
                        "403 403 403 403 403 403 403 403 403 403 403  -  403",
                        401,
                        webhook(id -> "/api/notifications/webhooks/" + id)),
                row(
                        "GET /api/notifications/webhooks/{id}/deliveries",
                        "403 403 403 200 200 200 200 200 200 200 403 200 200",
                        "403 403 403 403 403 403 403 403 403 403 403  -  403",
                        401,
                        webhook(id -> "/api/notifications/webhooks/" + id + "/deliveries")),
                row(
                        "GET /api/notifications/stream",
                        ALL_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.stream("/api/notifications/stream")),
                row(
                        // anyone signed in: the stream is addressed to the caller, so another's whistle hears nothing
                        "GET /api/notifications/stream/whistles/{whistleId}",
                        ALL_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.stream("/api/notifications/stream/whistles/"
                                + f.openWhistle().id())),
                row(
                        // an anonymous reporter's stream opens with the ticket intake gives after a code + phone
                        // look-up
                        // (ADR 0059), whoever sends it; a forged one is refused to everyone, signed in or not (a good
                        // one: notification's LiveStreamTest and ProgressLiveBrowserTest)
                        "GET /api/notifications/stream/tracked/{whistleId}",
                        ALL_403,
                        NONE,
                        403,
                        (f, p, s, fresh) -> Request.stream("/api/notifications/stream/tracked/"
                                + f.anonymousWhistle().id() + "?ticket=1.AAAA")),
                row(
                        "GET /api/notifications/stream/centres/{code}",
                        "403 403 403 403 200 200 200 403 403 403 200 200 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> {
                            var spot = Fixtures.ticketSpot(p, s);
                            return spot == null
                                    ? null
                                    : Request.stream("/api/notifications/stream/centres/"
                                            + Casework.centreOf(spot.place(), spot.level()));
                        }),
                row(
                        "GET /api/notifications/inbox",
                        ALL_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/notifications/inbox")),
                row(
                        "POST /api/notifications/inbox/{id}/read",
                        "204 204 204 204 204 204 204 204 204 204 204 204 204",
                        ALL_404,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/notifications/inbox/" + f.inboxItem(s == Scope.IN ? p : f.stranger(p)) + "/read",
                                "{}")),
                row(
                        "GET /api/notifications/dev-outbox",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/notifications/dev-outbox")),
                // SMS providers' delivery receipts: no bearer token, a secret path token instead; a wrong one is
                // 404 whoever asks, as if nothing were there (issue 25).
                row(
                                "POST /api/notifications/sms-receipts/{provider}/{token}",
                                ALL_404,
                                NONE,
                                404,
                                (f, p, s, fresh) -> Request.json(
                                        "/api/notifications/sms-receipts/aliyun/not-the-receipt-token", "[]"))
                        .badToken(404),
                // WeChat's pushes (address check, message outcomes): no bearer token, WeChat's signature over the
                // account's event token instead; unsigned, or with no token configured (the local stack), 404 whoever
                // asks, as if nothing were there (issue 25).
                row(
                                "GET /api/notifications/wechat-events",
                                ALL_404,
                                NONE,
                                404,
                                (f, p, s, fresh) -> Request.at(
                                        "/api/notifications/wechat-events?signature=x&timestamp=1&nonce=1&echostr=1"))
                        .badToken(404),
                row(
                                "POST /api/notifications/wechat-events",
                                ALL_404,
                                NONE,
                                404,
                                (f, p, s, fresh) -> Request.body(
                                        "/api/notifications/wechat-events?signature=x&timestamp=1&nonce=1",
                                        "text/xml",
                                        "<xml><Event>TEMPLATESENDJOBFINISH</Event></xml>"))
                        .badToken(404),
                // A unit's duty phone for notification-service to text its duty officers: Whistle services only,
                // behind the gateway, which routes no /internal path (issue 25).
                row(
                                "GET /internal/units/{code}/duty-contact",
                                ALL_404,
                                NONE,
                                404,
                                (f, p, s, fresh) -> Request.at("/internal/units/QQ-230225-ZJJ-LZG/duty-contact"))
                        .badToken(404),
                // The party members' photos that answered a whistle, for intake to show its reporter (ADR 0051):
                // Whistle services only, behind the gateway, which routes no /internal path.
                row(
                                "GET /internal/whistles/{whistleId}/result-photos/{photoId}",
                                ALL_404,
                                NONE,
                                404,
                                (f, p, s, fresh) ->
                                        Request.at("/internal/whistles/" + NO_SUCH + "/result-photos/" + NO_SUCH))
                        .badToken(404),
                // ---- org-registry: reading organisation data needs a token, nothing more ---------------------
                row("GET /api/org/nodes", ALL_200, NONE, 401, get("/api/org/nodes")),
                row("GET /api/org/nodes/{code}", ALL_200, NONE, 401, get("/api/org/nodes/230225100")),
                row("GET /api/org/nodes/{code}/children", ALL_200, NONE, 401, get("/api/org/nodes/230225/children")),
                row(
                        "GET /api/org/nodes/{code}/ancestry",
                        ALL_200,
                        NONE,
                        401,
                        get("/api/org/nodes/230225100001001/ancestry")),
                row("GET /api/org/nodes/{code}/subtree", ALL_200, NONE, 401, get("/api/org/nodes/230225100/subtree")),
                row("GET /api/org/nodes/{code}/units", ALL_200, NONE, 401, get("/api/org/nodes/230225/units")),
                row(
                        "GET /api/org/nodes/{code}/party-orgs",
                        ALL_200,
                        NONE,
                        401,
                        get("/api/org/nodes/230203003001003/party-orgs")),
                row("GET /api/org/nodes/{code}/grids", ALL_200, NONE, 401, get("/api/org/nodes/230225100001/grids")),
                row("GET /api/org/units", ALL_200, NONE, 401, get("/api/org/units?within=230225")),
                row("GET /api/org/units/{code}", ALL_200, NONE, 401, get("/api/org/units/QQ-230225-ZJJ-LZG")),
                row("GET /api/org/resolve", ALL_200, NONE, 401, get("/api/org/resolve?lat=47.9218&lng=123.5046")),
                row("GET /api/org/categories", ALL_200, NONE, 401, get("/api/org/categories")),
                row(
                        "GET /api/org/categories/{code}",
                        ALL_200,
                        NONE,
                        401,
                        get("/api/org/categories/MUNICIPAL-ROAD-DAMAGE")),
                row("GET /api/org/routing-rules", ALL_200, NONE, 401, get("/api/org/routing-rules")),
                row("GET /api/org/routing-rules/{id}", ALL_200, NONE, 401, get("/api/org/routing-rules/R-0027")),
                row(
                        "GET /api/org/routing/proposal",
                        ALL_200,
                        NONE,
                        401,
                        get(
                                "/api/org/routing/proposal?category=MUNICIPAL-ROAD-DAMAGE&node=230225100001001&level=STREET")),
                row("GET /api/org/deadline-policies", ALL_200, NONE, 401, get("/api/org/deadline-policies")),
                row(
                        "GET /api/org/deadline-policies/{id}",
                        ALL_200,
                        NONE,
                        401,
                        get("/api/org/deadline-policies/D-0017")),
                row(
                        "GET /api/org/deadline-policies/lookup",
                        ALL_200,
                        NONE,
                        401,
                        get(
                                "/api/org/deadline-policies/lookup?category=MUNICIPAL-ROAD-DAMAGE&urgency=URGENT&level=STREET")),
                row("GET /api/org/calendars", ALL_200, NONE, 401, get("/api/org/calendars")),
                row("GET /api/org/calendars/{id}", ALL_200, NONE, 401, get("/api/org/calendars/qiqihar")),
                // Everyone reads their own account; a service's client has none.
                row(
                        "GET /api/org/users/me",
                        "200 200 200 200 200 200 200 200 200 200 200 200 404",
                        NONE,
                        401,
                        get("/api/org/users/me")),
                // The login page is where people sign in: open to all, and no bearer token is read there.
                row("GET /login", ALL_200, NONE, 200, get("/login")).badToken(200),
                // Signing in through WeChat (ADR 0046) answers the same to everyone — WeChat, not a token, says who
                // signs in. The stack's development WeChat (ADR 0053) is configured: the start sends everyone to its
                // authorize page; a callback with a state this session was not given, and a code WeChat does not
                // know, are refused (400, in Chinese).
                row("GET /login/wechat", ALL_302, NONE, 302, get("/login/wechat"))
                        .badToken(302),
                row("GET /login/wechat/callback", ALL_400, NONE, 400, get("/login/wechat/callback?code=c&state=s"))
                        .badToken(400),
                row(
                                "POST /api/org/wechat/mini-program/sessions [application/json]",
                                ALL_400,
                                NONE,
                                400,
                                (f, p, s, fresh) ->
                                        Request.json("/api/org/wechat/mini-program/sessions", "{\"code\":\"c\"}"))
                        .badToken(400),
                // ---- org-registry: accounts and clients are administrators' business ------------------------
                row("GET /api/org/users", ADMIN_200, NONE, 401, get("/api/org/users?role=GRID_WORKER")),
                row("GET /api/org/users/{username}", ADMIN_200, NONE, 401, get("/api/org/users/gn.grid.lishuxia")),
                row("GET /api/org/clients", ADMIN_200, NONE, 401, get("/api/org/clients")),
                // Links to the city's identity platform (ADR 0047): administrators list them and remove one; a fresh
                // account has no link, which is a 404 to them.
                row("GET /api/org/upstream-links", ADMIN_200, NONE, 401, get("/api/org/upstream-links")),
                row(
                        "DELETE /api/org/upstream-links/{username}",
                        "403 403 403 403 403 403 403 403 403 403 403 404 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/org/upstream-links/" + f.user(fresh))),
                row(
                        "POST /api/org/users",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/org/users",
                                Fixtures.userJson(f.unique("st.new.").toLowerCase(java.util.Locale.ROOT)))),
                row(
                        "PUT /api/org/users/{username}",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> new Request(
                                "/api/org/users/" + f.user(fresh),
                                "application/json",
                                utf8("{\"displayName\":\"测试员\",\"phone\":\"13800008888\",\"roles\":[\"GRID_WORKER\"],"
                                        + "\"scope\":[\"230225100001\"],\"unit\":null,\"posts\":[]}"),
                                false)),
                row(
                        "POST /api/org/users/{username}/password",
                        "403 403 403 403 403 403 403 403 403 403 403 204 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/org/users/" + f.user(fresh) + "/password",
                                "{\"password\":\"Another-system-test-password\"}")),
                row(
                        "POST /api/org/users/{username}/lock",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json("/api/org/users/" + f.user(fresh) + "/lock", "{}")),
                row(
                        "POST /api/org/users/{username}/unlock",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json("/api/org/users/" + f.user(fresh) + "/unlock", "{}")),
                row(
                        "POST /api/org/users/{username}/disable",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json("/api/org/users/" + f.user(fresh) + "/disable", "{}")),
                row(
                        "POST /api/org/users/{username}/enable",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json("/api/org/users/" + f.user(fresh) + "/enable", "{}")),
                row(
                        "POST /api/org/imports/users [text/csv]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.body(
                                "/api/org/imports/users",
                                "text/csv",
                                "username,password,display_name,phone,roles,scope,unit\n"
                                        + f.unique("st.csv.").toLowerCase(java.util.Locale.ROOT)
                                        + ",csv-system-test-password,测试员,13800007777,GRID_WORKER,230225100001,\n")),
                row(
                        "POST /api/org/imports/accounts [application/json]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/org/imports/accounts",
                                "{\"users\":["
                                        + Fixtures.userJson(f.unique("st.json.").toLowerCase(java.util.Locale.ROOT))
                                        + "],\"clients\":[]}")),
                row(
                        "POST /api/org/clients",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/org/clients",
                                Fixtures.clientJson(f.unique("st-new-").toLowerCase(java.util.Locale.ROOT)))),
                row(
                        "POST /api/org/clients/{clientId}/disable",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json("/api/org/clients/" + f.client(fresh) + "/disable", "{}")),
                // ---- org-registry: organisation data is changed by administrators ---------------------------
                row(
                        "POST /api/org/nodes",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json("/api/org/nodes", Fixtures.nodeJson(f.nodeCode()))),
                row("PUT /api/org/nodes/{code}", ADMIN_200, NONE, 401, (f, p, s, fresh) -> {
                    var code = f.node(fresh);
                    return new Request(
                            "/api/org/nodes/" + code,
                            "application/json",
                            utf8(Fixtures.nodeJson(code).replace("系统测试镇", "系统测试镇（改）")),
                            false);
                }),
                row(
                        "DELETE /api/org/nodes/{code}",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/org/nodes/" + f.node(fresh))),
                row(
                        "PUT /api/org/grids/{code}/boundary [application/geo+json, application/json]",
                        ADMIN_204,
                        NONE,
                        401,
                        (f, p, s, fresh) -> new Request(
                                "/api/org/grids/" + f.grid() + "/boundary",
                                "application/json",
                                utf8(f.square()),
                                false)),
                row(
                        "POST /api/org/party-orgs",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/org/party-orgs",
                                "{\"code\":\"P" + f.compound() + "\",\"kind\":\"COMPOUND_PARTY_ORG\","
                                        + "\"name\":\"系统测试小区党支部\",\"nodeCode\":\"" + f.compound() + "\"}")),
                row(
                        "POST /api/org/units",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json("/api/org/units", Fixtures.unitJson(f.unique("ST-NEW-")))),
                row("PUT /api/org/units/{code}", ADMIN_200, NONE, 401, (f, p, s, fresh) -> {
                    var code = f.unit(fresh);
                    return new Request(
                            "/api/org/units/" + code,
                            "application/json",
                            utf8(Fixtures.unitJson(code).replace("系统测试局", "系统测试局（改）")),
                            false);
                }),
                row(
                        "DELETE /api/org/units/{code}",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/org/units/" + f.unit(fresh))),
                row(
                        "POST /api/org/imports/nodes [text/csv]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.body(
                                "/api/org/imports/nodes",
                                "text/csv",
                                "code,kind,name,name_en,parent_code,valid_from,valid_to\n" + f.nodeCode()
                                        + ",STREET,系统测试导入镇,,230225,2024-01-01,\n")),
                row(
                        "POST /api/org/imports/units [text/csv]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.body(
                                "/api/org/imports/units",
                                "text/csv",
                                "code,kind,name,name_en,parent_unit_code,area_code,duty_name,duty_phone,valid_from\n"
                                        + f.unique("ST-CSV-")
                                        + ",DEPARTMENT,系统测试导入局,,,230225,测试员,13800006666,2024-01-01\n")),
                row(
                        "POST /api/org/imports/party-orgs [text/csv]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.body(
                                "/api/org/imports/party-orgs",
                                "text/csv",
                                "code,kind,name,node_code,parent_code\nP"
                                        + f.compound() + ",COMPOUND_PARTY_ORG,系统测试小区党支部,"
                                        + f.compound() + ",\n")),
                row(
                        "POST /api/org/imports/grids [application/geo+json, application/json]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/org/imports/grids",
                                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                                        + "{\"code\":\"" + f.grid() + "\"},\"geometry\":" + f.square() + "}]}")),
                row(
                        "POST /api/org/categories",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) ->
                                Request.json("/api/org/categories", Fixtures.categoryJson(f.unique("STN")))),
                row("PUT /api/org/categories/{code}", ADMIN_200, NONE, 401, (f, p, s, fresh) -> {
                    var code = f.category(fresh);
                    return new Request(
                            "/api/org/categories/" + code,
                            "application/json",
                            utf8(Fixtures.categoryJson(code).replace("系统测试类", "系统测试类（改）")),
                            false);
                }),
                row(
                        "DELETE /api/org/categories/{code}",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/org/categories/" + f.category(fresh))),
                row(
                        "POST /api/org/imports/categories [text/csv]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.body(
                                "/api/org/imports/categories",
                                "text/csv",
                                "code,name,name_en,parent_code,handling_class,default_urgency\n" + f.unique("STC")
                                        + ",系统测试导入类,,,GENERAL,NORMAL\n")),
                row(
                        "POST /api/org/routing-rules",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/org/routing-rules", Fixtures.ruleJson(f.unique("R-STN-"), f.category(true)))),
                row("PUT /api/org/routing-rules/{id}", ADMIN_200, NONE, 401, (f, p, s, fresh) -> {
                    var id = f.rule(fresh);
                    return new Request(
                            "/api/org/routing-rules/" + id,
                            "application/json",
                            utf8(Fixtures.ruleJson(null, f.category(true))),
                            false);
                }),
                row(
                        "DELETE /api/org/routing-rules/{id}",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/org/routing-rules/" + f.rule(fresh))),
                row(
                        "POST /api/org/imports/routing-rules [text/csv]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.body(
                                "/api/org/imports/routing-rules",
                                "text/csv",
                                "rule_id,category_code,area_code,level,lead_unit_code,co_unit_codes,precedence\n"
                                        + f.unique("R-STC-") + "," + f.category(true)
                                        + ",230225102,,QQ-230225-CGJ,,1\n")),
                row(
                        "POST /api/org/deadline-policies",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/org/deadline-policies",
                                Fixtures.policyJson(f.unique("D-STN-"), f.category(true)))),
                row("PUT /api/org/deadline-policies/{id}", ADMIN_200, NONE, 401, (f, p, s, fresh) -> {
                    var id = f.policy(fresh);
                    return new Request(
                            "/api/org/deadline-policies/" + id,
                            "application/json",
                            utf8(Fixtures.policyJson(null, f.category(true))),
                            false);
                }),
                row(
                        "DELETE /api/org/deadline-policies/{id}",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/org/deadline-policies/" + f.policy(fresh))),
                row(
                        "POST /api/org/imports/deadline-policies [text/csv]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.body(
                                "/api/org/imports/deadline-policies",
                                "text/csv",
                                "policy_id,category_code,urgency,level,file,report_in,contact_reporter,resolve,verify,"
                                        + "follow_up,warning_ratio,escalation,pause_when,calendar_id\n"
                                        + f.unique("D-STC-") + "," + f.category(true)
                                        + ",NORMAL,,PT2H,PT2H,PT24H,P7D,PT24H,PT72H,0.8,NEXT_LEVEL,SUSPENDED,\n")),
                row(
                        "POST /api/org/calendars",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) ->
                                Request.json("/api/org/calendars", Fixtures.calendarJson(f.unique("CAL-STN-")))),
                row(
                        "PUT /api/org/calendars/{id}",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> new Request(
                                "/api/org/calendars/" + f.calendar(fresh),
                                "application/json",
                                utf8(Fixtures.calendarJson(null)),
                                false)),
                row(
                        "DELETE /api/org/calendars/{id}",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/org/calendars/" + f.calendar(fresh))),
                row(
                        "POST /api/org/calendars/{id}/years/{year} [text/csv]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.body(
                                "/api/org/calendars/" + f.calendar(fresh) + "/years/2026",
                                "text/csv",
                                "date,kind,name\n2026-10-01,休,国庆节\n")),
                row(
                        "POST /api/org/imports/calendars [text/csv]",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.body(
                                "/api/org/imports/calendars",
                                "text/csv",
                                "calendar_id,name,time_zone,working_days,working_hours\n" + f.unique("CAL-STC-")
                                        + ",测试日历,Asia/Shanghai,MONDAY;FRIDAY,08:30-12:00\n")),
                // ---- gateway: signing people in for the web pages (a session, not a bearer token) ------------
                row(
                                "GET /bff/login",
                                "302 302 302 302 302 302 302 302 302 302 302 302 302",
                                NONE,
                                302,
                                get("/bff/login?return=/"))
                        .badToken(302),
                row("GET /bff/me", "401 401 401 401 401 401 401 401 401 401 401 401 401", NONE, 401, get("/bff/me")),
                row("GET /bff/config", ALL_200, NONE, 200, get("/bff/config")).badToken(200),
                // ---- gateway: the base map from a local folder (ADR 0042) ------------------------------------
                // Public like the pages; the local stack configures no tile folder, so every tile is absent.
                row("GET /map-tiles/{z}/{x}/{y}.png", ALL_404, NONE, 404, get("/map-tiles/3/6/2.png"))
                        .badToken(404),
                // ---- every servlet service: where sendError outside a controller lands (problem-details) --------
                // The gateway routes no /error to a service, so from outside it is an address with nothing at it.
                row("ANY /error", "404 404 404 404 404 404 404 404 404 404 404 404 404", NONE, 404, get("/error"))
                        .badToken(404),
                // ---- gateway: where a broken route's circuit breaker forwards --------------------------------
                row(
                                "ANY /fallback/{service}",
                                "503 503 503 503 503 503 503 503 503 503 503 503 503",
                                NONE,
                                503,
                                get("/fallback/dispatch"))
                        .badToken(503),
                // ---- every service with an outbox: parked events (messaging's /admin/outbox/parked) ----------
                // Through the gateway's /api/admin/outbox/{service}/parked/**, one service per row; administrators
                // only. No event is parked in these runs, so an administrator's id finds nothing (404).
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row("GET /admin/outbox/parked", ADMIN_200, NONE, 401, get("/api/admin/outbox/dispatch/parked"))
                        .badToken(401),
                row(
                                "GET /admin/outbox/parked/{id}",
                                "403 403 403 403 403 403 403 403 403 403 403 404 403",
                                NONE,
                                401,
                                get("/api/admin/outbox/intake/parked/999999999"))
                        .badToken(401),
                row(
                                "POST /admin/outbox/parked/{id}/redrive",
                                "403 403 403 403 403 403 403 403 403 403 403 404 403",
                                NONE,
                                401,
                                (f, p, s, fresh) ->
                                        Request.json("/api/admin/outbox/notification/parked/999999999/redrive", "{}"))
                        .badToken(401),
                row(
                                "POST /admin/outbox/parked/{id}/discard",
                                "403 403 403 403 403 403 403 403 403 403 403 404 403",
                                NONE,
                                401,
                                (f, p, s, fresh) -> Request.json(
                                        "/api/admin/outbox/org-registry/parked/999999999/discard",
                                        "{\"reason\":\"系统测试\"}"))
                        .badToken(401),
                // ---- every servlet service: the event contract's AsyncAPI document (api-docs, ADR 0036) --------
                // Public like the OpenAPI documents beside it; the gateway publishes org-registry's copy, whose
                // documents chain reads no token, so a bad one changes nothing.
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row("GET /v3/api-docs/asyncapi", ALL_200, NONE, 200, get("/api/docs/asyncapi.json"))
                        .badToken(200),
                // ---- evaluation: figures, rankings, rule sets, periods -------------------------------------------
                // Staff read figures of their own subtree (or unit); a period nobody published is refused outside.
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "GET /api/evaluation/figures",
                        STAFF_200,
                        REFUSED_OUTSIDE,
                        401,
                        evaluationArea(area -> "/api/evaluation/figures?object=" + area + "&period=2026-01")),
                row(
                        "GET /api/evaluation/tile",
                        STAFF_200,
                        REFUSED_OUTSIDE,
                        401,
                        evaluationArea(area -> "/api/evaluation/tile?object=" + area + "&period=2026-01")),
                row(
                        "GET /api/evaluation/figures/export",
                        STAFF_200,
                        REFUSED_OUTSIDE,
                        401,
                        evaluationArea(area -> "/api/evaluation/figures/export?object=" + area + "&period=2026-01")),
                row(
                        "GET /api/evaluation/figures/cases",
                        STAFF_200,
                        REFUSED_OUTSIDE,
                        401,
                        evaluationArea(area ->
                                "/api/evaluation/figures/cases?object=" + area + "&period=2026-01&measure=RAISED")),
                row(
                        "GET /api/evaluation/figures/cases/export",
                        STAFF_200,
                        REFUSED_OUTSIDE,
                        401,
                        evaluationArea(area -> "/api/evaluation/figures/cases/export?object=" + area
                                + "&period=2026-01&measure=RAISED&format=xlsx")),
                row(
                        "GET /api/evaluation/rankings",
                        STAFF_200,
                        REFUSED_OUTSIDE,
                        401,
                        evaluationArea(
                                area -> "/api/evaluation/rankings?level=GRID&within=" + area + "&period=2026-01")),
                row(
                        "GET /api/evaluation/rankings/export",
                        STAFF_200,
                        REFUSED_OUTSIDE,
                        401,
                        evaluationArea(area -> "/api/evaluation/rankings/export?level=GRID&within=" + area
                                + "&period=2026-01&format=csv")),
                // 考核结果公开 (ADR 0033): the setting is off unless an administrator turned it on, so the public paths
                // answer 404 to everyone, with a token or without (DisclosureTest in evaluation-service covers it on).
                // The administrator's change here states "off" and so leaves it off for every other row.
                row("GET /api/evaluation/disclosure", STAFF_200, NONE, 401, get("/api/evaluation/disclosure")),
                row(
                        "PUT /api/evaluation/disclosure",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) ->
                                Request.json("/api/evaluation/disclosure", "{\"enabled\":false,\"reason\":\"系统测试\"}")),
                row("GET /api/evaluation/public/periods", ALL_404, NONE, 404, get("/api/evaluation/public/periods")),
                row(
                        "GET /api/evaluation/public/figures",
                        ALL_404,
                        NONE,
                        404,
                        get("/api/evaluation/public/figures?object=C&period=2026-01")),
                row(
                        "GET /api/evaluation/public/rankings",
                        ALL_404,
                        NONE,
                        404,
                        get("/api/evaluation/public/rankings?level=STREET&within=C&period=2026-01")),
                row("GET /api/evaluation/rule-sets", STAFF_200, NONE, 401, get("/api/evaluation/rule-sets")),
                row(
                        "POST /api/evaluation/rule-sets",
                        ADMIN_201,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/rule-sets",
                                "{\"effectiveFrom\":\"2099-01-01\",\"reason\":\"系统测试\",\"weights\":"
                                        + "[{\"rate\":\"ON_TIME_HANDLING\",\"weight\":100}]}")),
                row("GET /api/evaluation/exemptions", STAFF_200, NONE, 401, get("/api/evaluation/exemptions")),
                // No case has the id: only administrators get as far as looking for it (the service tests exempt).
                row(
                        "POST /api/evaluation/exemptions",
                        "403 403 403 403 403 403 403 403 403 403 403 404 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/exemptions",
                                "{\"whistleId\":\"" + java.util.UUID.randomUUID() + "\",\"reason\":\"系统测试\"}")),
                row(
                        "DELETE /api/evaluation/exemptions/{whistleId}",
                        "403 403 403 403 403 403 403 403 403 403 403 404 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/exemptions/" + java.util.UUID.randomUUID(), "{\"reason\":\"系统测试\"}")),
                row("GET /api/evaluation/periods", STAFF_200, NONE, 401, get("/api/evaluation/periods")),
                // A day of its own in 2001 for every request, so each close is a first close.
                row(
                        "POST /api/evaluation/periods/{code}/close",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/evaluation/periods/"
                                + java.time.LocalDate.of(2001, 1, 1).plusDays(f.next() % 365) + "/close")),
                row(
                        "POST /api/evaluation/periods/{code}/publish",
                        "403 403 403 403 403 403 403 403 403 403 403 404 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/evaluation/periods/1999-12-31/publish")),
                row(
                        "GET /api/evaluation/periods/{code}/adjustments",
                        "403 404 403 404 404 404 404 404 404 404 404 404 403",
                        NONE,
                        401,
                        get("/api/evaluation/periods/1999-12-31/adjustments")),
                row(
                        "POST /api/evaluation/periods/{code}/adjustments/{id}/apply",
                        "403 403 403 403 403 403 403 403 403 403 403 404 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/periods/1999-12-31/adjustments/999999999/apply",
                                "{\"reason\":\"系统测试\"}")),
                row(
                        "POST /api/evaluation/periods/{code}/adjustments/{id}/reject",
                        "403 403 403 403 403 403 403 403 403 403 403 404 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/periods/1999-12-31/adjustments/999999999/reject",
                                "{\"reason\":\"系统测试\"}")),
                // ---- evaluation: 双考核 ratings (ADR 0025) -------------------------------------------------------
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "GET /api/evaluation/ratings/to-give",
                        "403 403 403 403 200 200 200 403 403 403 403 403 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/evaluation/ratings/to-give"
                                + (s == Scope.IN
                                        ? ""
                                        : p == Principal.DISTRICT_DISPATCHER
                                                ? "?centre=QQ-230202-ZHZX"
                                                : "?centre=QQ-230202002-ZHZX"))),
                row(
                        "GET /api/evaluation/ratings/appeals",
                        "403 403 403 200 200 200 200 200 200 200 200 403 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/evaluation/ratings/appeals")),
                // a leader has no unit of its own and must name one
                row(
                        "GET /api/evaluation/ratings",
                        "403 403 403 200 200 200 200 200 200 200 422 403 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/evaluation/ratings")),
                // no such rating: hidden from everyone alike
                row(
                        "GET /api/evaluation/ratings/{id}",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/evaluation/ratings/" + NO_SUCH)),
                row(
                        "POST /api/evaluation/ratings/{id}/rating",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/ratings/" + NO_SUCH + "/rating",
                                "{\"reportedInOnTime\":true,\"cameOnSite\":true,\"stayedUntilDone\":true,"
                                        + "\"quality\":\"GOOD\",\"score\":90}")),
                row(
                        "POST /api/evaluation/ratings/{id}/appeal",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/ratings/" + NO_SUCH + "/appeal", "{\"reason\":\"系统测试\"}")),
                row(
                        "POST /api/evaluation/ratings/{id}/decision",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/ratings/" + NO_SUCH + "/decision", "{\"reason\":\"系统测试\"}")),
                // ---- evaluation: appraisals of departments and streets ------------------------------------------
                row(
                        "GET /api/evaluation/appraisals/departments",
                        "403 403 403 403 200 200 200 403 403 403 200 200 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> appraisalOf("departments", f, p, s)),
                row(
                        "GET /api/evaluation/appraisals/streets",
                        "403 403 403 403 200 200 200 403 403 403 200 200 403",
                        REFUSED_OUTSIDE,
                        401,
                        (f, p, s, fresh) -> appraisalOf("streets", f, p, s)),
                row(
                        "GET /api/evaluation/appraisals/departments/{unit}",
                        "403 403 403 200 200 200 200 200 200 200 200 200 403",
                        "403 403 403 403 404 404  -  403 403 403  -   -   - ",
                        401,
                        (f, p, s, fresh) -> {
                            var unit = s == Scope.IN ? ownUnit(f, p) : otherUnit(f, p);
                            return unit == null
                                    ? null
                                    : Request.at("/api/evaluation/appraisals/departments/" + unit + "?period=2026-03");
                        }),
                row(
                        "GET /api/evaluation/appraisals/weights",
                        "403 403 403 403 200 200 200 403 403 403 200 200 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/evaluation/appraisals/weights")),
                row(
                        "POST /api/evaluation/appraisals/weights",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/appraisals/weights",
                                "{\"kind\":\"STREET\",\"effectiveFrom\":\"" + farFuture()
                                        + "\",\"handling\":30,\"onTimeHandling\":20,\"rework\":20,"
                                        + "\"overduePending\":20,\"extension\":10,\"caseShare\":0.7,"
                                        + "\"otherShare\":0.3,\"reason\":\"系统测试\"}")),
                // A closed period's frozen appraisals (ADR 0038): no period of 1999 is ever closed, so readers get 404.
                row(
                        "GET /api/evaluation/appraisals/periods/{code}/adjustments",
                        "403 403 403 403 404 404 404 403 403 403 404 404 403",
                        NONE,
                        401,
                        get("/api/evaluation/appraisals/periods/1999-12-31/adjustments")),
                row(
                        "POST /api/evaluation/appraisals/periods/{code}/adjustments",
                        "403 403 403 403 403 403 403 403 403 403 403 404 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/appraisals/periods/1999-12-31/adjustments",
                                "{\"kind\":\"DEPARTMENT\",\"reason\":\"系统测试\"}")),
                // ---- evaluation: 书记考核 ----------------------------------------------------------------------
                row(
                        "GET /api/evaluation/indicator-sets",
                        "403 403 403 200 200 200 200 403 403 403 200 200 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/evaluation/indicator-sets?year=2026")),
                row(
                        "POST /api/evaluation/indicator-sets",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/indicator-sets",
                                "{\"id\":\"systest-" + java.util.UUID.randomUUID()
                                        + "\",\"year\":2099,\"level\":\"SYSTEST-" + java.util.UUID.randomUUID()
                                        + "\",\"name\":\"系统测试指标\",\"stars\":[{\"min\":0,\"stars\":1}],"
                                        + "\"indicators\":[{\"code\":\"G01\",\"group\":\"一般指标\","
                                        + "\"name\":\"班子建设\",\"kind\":\"MANUAL\",\"points\":100}]}")),
                row(
                        "GET /api/evaluation/secretaries",
                        "403 403 403 200 200 200 200 403 403 403 200 200 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/evaluation/secretaries")),
                row(
                        "POST /api/evaluation/secretaries",
                        ADMIN_200,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/secretaries",
                                "{\"community\":\"230225100001\",\"name\":\"测试" + java.util.UUID.randomUUID()
                                        + "\",\"tookOffice\":\"2024-01-01\",\"stars\":3}")),
                // no such secretary: hidden from everyone alike
                row(
                        "GET /api/evaluation/secretaries/{id}/results",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) ->
                                Request.at("/api/evaluation/secretaries/" + NO_SUCH + "/results?period=2026")),
                row(
                        "GET /api/evaluation/secretaries/{id}/report",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) ->
                                Request.at("/api/evaluation/secretaries/" + NO_SUCH + "/report?period=2026")),
                row(
                        "POST /api/evaluation/secretaries/{id}/scores",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/secretaries/" + NO_SUCH + "/scores",
                                "{\"period\":\"2026-Q1\",\"indicator\":\"G01\",\"points\":1,"
                                        + "\"evidence\":\"系统测试\"}")),
                row(
                        "POST /api/evaluation/secretaries/{id}/stars/annual",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/secretaries/" + NO_SUCH + "/stars/annual", "{\"year\":2026}")),
                row(
                        "POST /api/evaluation/secretaries/{id}/stars",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/secretaries/" + NO_SUCH + "/stars",
                                "{\"stars\":3,\"reason\":\"系统测试\",\"year\":2026}")),
                // adjusting a closed period's frozen indicators: administrators only, then no such secretary
                row(
                        "POST /api/evaluation/secretaries/{id}/adjustments",
                        "403 403 403 403 403 403 403 403 403 403 403 404 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/evaluation/secretaries/" + NO_SUCH + "/adjustments",
                                "{\"period\":\"2026-Q1\",\"reason\":\"系统测试\"}")),
                // ---- members: 党员进小区 (ADR 0026) ----------------------------------------------------------------
                // One compound of the demo city (将军府小区, in 建华区) for every principal: its branch is whoever
                // manages it (community staff, grid workers, dispatchers and administrators covering it). Rows that
                // change state name a compound, workplace or city that does not exist, or an id that does not exist.
                //       RES GRD PTY COM STR DST CTY OFF DLD PRP LDR ADM SVC
                row(
                        "POST /api/members/memberships",
                        ALL_422,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/memberships",
                                "{\"name\":\"系统测试\",\"phone\":\"13900000000\",\"kind\":\"COMMUNITY\","
                                        + "\"memberType\":\"BACKBONE\",\"skills\":[],\"teams\":[],\"availability\":\"每天\","
                                        + "\"compoundId\":\"" + NO_COMPOUND
                                        + "\",\"address\":\"系统测试地址\"}")),
                row("GET /api/members/memberships/me", MEMBER_200, NONE, 401, get("/api/members/memberships/me")),
                row(
                        "PUT /api/members/memberships/me/profile",
                        "404 404 422 404 404 404 404 404 404 404 404 404 404",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/memberships/me/profile",
                                "{\"name\":\"系统测试\",\"phone\":\"13900000000\",\"kind\":\"COMMUNITY\","
                                        + "\"memberType\":\"BACKBONE\",\"skills\":[],\"teams\":[],\"availability\":\"每天\","
                                        + "\"workplaceId\":\"" + NO_COMPOUND + "\"}")),
                row(
                        "POST /api/members/memberships/me/transfer",
                        ALL_422,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/memberships/me/transfer",
                                "{\"compoundId\":\"" + NO_COMPOUND + "\",\"address\":\"系统测试地址\"}")),
                row(
                        "GET /api/members/memberships",
                        COMPOUND_BRANCH_200,
                        NONE,
                        401,
                        get("/api/members/memberships?compoundId=" + COMPOUND)),
                row(
                        "POST /api/members/memberships/{id}/confirm",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/memberships/" + NO_SUCH + "/confirm", "{\"gridId\":\"" + GRID + "\"}")),
                row(
                        "POST /api/members/memberships/{id}/reassign",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/memberships/" + NO_SUCH + "/reassign", "{\"gridId\":\"" + GRID + "\"}")),
                row(
                        "POST /api/members/memberships/{id}/decline",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) ->
                                Request.json("/api/members/memberships/" + NO_SUCH + "/decline", reason("系统测试"))),
                row(
                        "POST /api/members/workplaces",
                        ALL_422,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/workplaces",
                                "{\"id\":\"W-SYSTEST\",\"name\":\"系统测试单位\",\"reportsTo\":\"" + NO_COMPOUND
                                        + "\",\"contactSubject\":\"systest\",\"contactName\":\"测试\","
                                        + "\"contactPhone\":\"13900000000\"}")),
                row("GET /api/members/workplaces", ALL_200, NONE, 401, get("/api/members/workplaces")),
                row(
                        "GET /api/members/compounds/managed",
                        BRANCH_ROLES_200,
                        NONE,
                        401,
                        get("/api/members/compounds/managed")),
                row(
                        "GET /api/members/workplaces/{id}/members",
                        ALL_404,
                        NONE,
                        401,
                        get("/api/members/workplaces/W-NO-SUCH/members")),
                row(
                        "GET /api/members/workplaces/{id}/figures",
                        ALL_404,
                        NONE,
                        401,
                        get("/api/members/workplaces/W-NO-SUCH/figures")),
                row("GET /api/members/points/me", MEMBER_200, NONE, 401, get("/api/members/points/me")),
                row(
                        "GET /api/members/points/members/{memberId}",
                        ALL_404,
                        NONE,
                        401,
                        get("/api/members/points/members/" + NO_SUCH)),
                row(
                        "POST /api/members/points/entries",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/points/entries",
                                "{\"memberId\":\"" + NO_SUCH + "\",\"ruleCode\":\"TASK\",\"reason\":\"系统测试\"}")),
                row(
                        "POST /api/members/points/entries/{id}/correct",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/points/entries/" + NO_SUCH + "/correct",
                                "{\"amount\":-1,\"reason\":\"系统测试\"}")),
                row(
                        "GET /api/members/points/rankings",
                        ALL_200,
                        NONE,
                        401,
                        get("/api/members/points/rankings?compoundId=" + COMPOUND + "&year=2026")),
                row(
                        "GET /api/members/points/rules/{cityId}",
                        ALL_200,
                        NONE,
                        401,
                        get("/api/members/points/rules/230200")),
                row(
                        "GET /api/members/points/rules/{cityId}/changes",
                        ADMIN_200,
                        NONE,
                        401,
                        get("/api/members/points/rules/230200/changes")),
                row(
                        "PUT /api/members/points/rules/{cityId}",
                        "403 403 403 403 403 403 403 403 403 403 403 422 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/points/rules/" + NO_COMPOUND,
                                "{\"cityId\":\"" + NO_COMPOUND + "\",\"cityName\":\"系统测试\",\"name\":\"系统测试\","
                                        + "\"basePoints\":0,\"floorPoints\":0,\"annualReset\":false,"
                                        + "\"noShowPoints\":0}")),
                row(
                        "POST /api/members/tasks",
                        ALL_422,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/tasks",
                                "{\"kind\":\"GRID_TASK\",\"title\":\"系统测试\",\"description\":\"系统测试\","
                                        + "\"gridId\":\"" + NO_COMPOUND + "\",\"place\":\"东门\",\"places\":1,"
                                        + "\"points\":1,\"startsAt\":\"2099-06-01T01:00:00Z\","
                                        + "\"endsAt\":\"2099-06-01T03:00:00Z\"}")),
                row("GET /api/members/tasks", ALL_200, NONE, 401, get("/api/members/tasks?compoundId=" + COMPOUND)),
                row(
                        "GET /api/members/tasks/managed",
                        COMPOUND_BRANCH_200,
                        NONE,
                        401,
                        get("/api/members/tasks/managed?compoundId=" + COMPOUND)),
                row("GET /api/members/tasks/mine", ALL_200, NONE, 401, get("/api/members/tasks/mine")),
                row("GET /api/members/tasks/{id}", ALL_404, NONE, 401, get("/api/members/tasks/" + NO_SUCH)),
                row("POST /api/members/tasks/{id}/claim", MEMBER_ONLY_404, NONE, 401, memberTask("claim", "{}")),
                row("POST /api/members/tasks/{id}/withdraw", MEMBER_ONLY_404, NONE, 401, memberTask("withdraw", "{}")),
                row(
                        "POST /api/members/tasks/{id}/confirm",
                        ALL_404,
                        NONE,
                        401,
                        memberTask("confirm", "{\"memberId\":\"" + NO_SUCH + "\"}")),
                row(
                        "POST /api/members/tasks/{id}/decline",
                        ALL_404,
                        NONE,
                        401,
                        memberTask("decline", "{\"memberId\":\"" + NO_SUCH + "\",\"reason\":\"系统测试\"}")),
                row(
                        "POST /api/members/tasks/{id}/check-in [application/json]",
                        MEMBER_ONLY_404,
                        NONE,
                        401,
                        memberTask("check-in", "{\"lat\":47.35,\"lng\":123.92,\"coordinateSystem\":\"WGS84\"}")),
                row(
                        "POST /api/members/tasks/{id}/check-in [multipart/form-data]",
                        MEMBER_ONLY_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> {
                            var multipart = new Gateway.Multipart()
                                    .field("lat", "47.35")
                                    .field("lng", "123.92")
                                    .file("photo", "scene.jpg", "image/jpeg", Casework.photo());
                            return Request.bytes(
                                    "/api/members/tasks/" + NO_SUCH + "/check-in",
                                    multipart.contentType(),
                                    multipart.bytes());
                        }),
                row(
                        "POST /api/members/tasks/{id}/finish [application/json]",
                        MEMBER_ONLY_404,
                        NONE,
                        401,
                        memberTask("finish", "{\"evidence\":\"系统测试\",\"hours\":1}")),
                row(
                        "POST /api/members/tasks/{id}/finish [multipart/form-data]",
                        MEMBER_ONLY_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> {
                            var multipart = new Gateway.Multipart()
                                    .field("evidence", "系统测试")
                                    .field("hours", "1")
                                    .file("photo", "done.jpg", "image/jpeg", Casework.photo());
                            return Request.bytes(
                                    "/api/members/tasks/" + NO_SUCH + "/finish",
                                    multipart.contentType(),
                                    multipart.bytes());
                        }),
                row(
                        "POST /api/members/tasks/{id}/approve",
                        ALL_404,
                        NONE,
                        401,
                        memberTask("approve", "{\"memberId\":\"" + NO_SUCH + "\"}")),
                row(
                        "POST /api/members/tasks/{id}/no-show",
                        ALL_404,
                        NONE,
                        401,
                        memberTask("no-show", "{\"memberId\":\"" + NO_SUCH + "\"}")),
                row(
                        "POST /api/members/tasks/{id}/cancel",
                        ALL_404,
                        NONE,
                        401,
                        memberTask("cancel", "{\"reason\":\"系统测试\"}")),
                row(
                        "GET /api/members/tasks/{id}/photos/{photoId}",
                        ALL_404,
                        NONE,
                        401,
                        get("/api/members/tasks/" + NO_SUCH + "/photos/" + NO_SUCH)),
                row(
                        "POST /api/members/exchange/items",
                        "403 403 403 403 403 403 201 403 403 403 403 201 403",
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/exchange/items",
                                "{\"compoundId\":\"" + COMPOUND + "\",\"name\":\"系统测试" + f.next()
                                        + "\",\"description\":\"系统测试\",\"points\":1,\"stock\":1}")),
                row(
                        "POST /api/members/exchange/items/{id}/stock",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) ->
                                Request.json("/api/members/exchange/items/" + NO_SUCH + "/stock", "{\"stock\":1}")),
                row(
                        "GET /api/members/exchange/items",
                        ALL_200,
                        NONE,
                        401,
                        get("/api/members/exchange/items?compoundId=" + COMPOUND)),
                row(
                        "POST /api/members/exchange/items/{id}/redeem",
                        MEMBER_ONLY_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/members/exchange/items/" + NO_SUCH + "/redeem")),
                row(
                        "GET /api/members/exchange/redemptions/mine",
                        ALL_200,
                        NONE,
                        401,
                        get("/api/members/exchange/redemptions/mine")),
                row(
                        "GET /api/members/exchange/redemptions",
                        COMPOUND_BRANCH_200,
                        NONE,
                        401,
                        get("/api/members/exchange/redemptions?compoundId=" + COMPOUND)),
                row(
                        "POST /api/members/exchange/redemptions/{id}/hand-over",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.at("/api/members/exchange/redemptions/" + NO_SUCH + "/hand-over")),
                row(
                        "GET /api/members/whistles",
                        COMPOUND_BRANCH_200,
                        NONE,
                        401,
                        get("/api/members/whistles?compoundId=" + COMPOUND)),
                row(
                        "POST /api/members/whistles/{whistleId}/task",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/whistles/" + NO_SUCH + "/task",
                                "{\"title\":\"系统测试\",\"place\":\"东门\",\"places\":1,\"points\":1,"
                                        + "\"startsAt\":\"2099-06-01T01:00:00Z\",\"endsAt\":\"2099-06-01T03:00:00Z\"}")),
                row(
                        "GET /api/members/excellent-members/candidates",
                        COMPOUND_BRANCH_200,
                        NONE,
                        401,
                        get("/api/members/excellent-members/candidates?compoundId=" + COMPOUND + "&year=2026")),
                row(
                        "POST /api/members/excellent-members",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/excellent-members", "{\"memberId\":\"" + NO_SUCH + "\",\"year\":2026}")),
                row(
                        "GET /api/members/reviews",
                        COMPOUND_BRANCH_200,
                        NONE,
                        401,
                        get("/api/members/reviews?compoundId=" + COMPOUND + "&year=2026")),
                row(
                        "POST /api/members/reviews",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/reviews",
                                "{\"memberId\":\"" + NO_SUCH + "\",\"year\":2026,\"grade\":\"COMPETENT\"}")),
                row(
                        "GET /api/members/workplaces/{id}/reviews",
                        ALL_404,
                        NONE,
                        401,
                        get("/api/members/workplaces/W-NO-SUCH/reviews")),
                row(
                        "GET /api/members/workplaces/{id}/reviews/export",
                        ALL_404,
                        NONE,
                        401,
                        get("/api/members/workplaces/W-NO-SUCH/reviews/export")),
                row(
                        "POST /api/members/disclosures",
                        ALL_403,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/disclosures",
                                "{\"compoundId\":\"" + NO_COMPOUND + "\",\"year\":2026,\"quarter\":1,"
                                        + "\"objectionDays\":7}")),
                row(
                        "GET /api/members/disclosures",
                        ALL_200,
                        NONE,
                        401,
                        get("/api/members/disclosures?compoundId=" + COMPOUND)),
                row(
                        "POST /api/members/disclosures/{id}/objections",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) ->
                                Request.json("/api/members/disclosures/" + NO_SUCH + "/objections", reason("系统测试"))),
                row(
                        "GET /api/members/disclosures/{id}/objections",
                        ALL_404,
                        NONE,
                        401,
                        get("/api/members/disclosures/" + NO_SUCH + "/objections")),
                row(
                        "POST /api/members/objections/{id}/answer",
                        ALL_404,
                        NONE,
                        401,
                        (f, p, s, fresh) -> Request.json(
                                "/api/members/objections/" + NO_SUCH + "/answer", "{\"answer\":\"系统测试\"}")));
    }

    /** 将军府小区 and its first grid (demo/members.json); a compound code nobody has. */
    private static final String COMPOUND = "230203003001003";

    private static final String GRID = "230203003001003001";
    private static final String NO_COMPOUND = "999999999999999";
    private static final String ALL_422 = "422 422 422 422 422 422 422 422 422 422 422 422 422";
    /**
     * Only the party member (jh.party.zhaoyumei) has reported in: the demo seeds her confirmed in 永青小区, and the
     * matrix never runs while MembersStoryTest moves her (its lock), so the rows below hold whichever compound she is in.
     */
    private static final String MEMBER_200 = "404 404 200 404 404 404 404 404 404 404 404 404 404";
    /** The compound's branch among the columns: those whose scope covers 建华区's compound. */
    private static final String COMPOUND_BRANCH_200 = "403 403 403 403 403 403 200 403 403 403 403 200 403";

    /** Every role that may act as a compound's branch (what it manages may be none). */
    private static final String BRANCH_ROLES_200 = "403 200 403 200 200 200 200 403 403 403 403 200 403";

    /** What only a member may do, on what does not exist: the party member finds nothing, the others are no members. */
    private static final String MEMBER_ONLY_404 = "409 409 404 409 409 409 409 409 409 409 409 409 409";

    /** A task that does not exist. */
    private static Row.Target memberTask(String action, String body) {
        return (f, p, s, fresh) -> Request.json("/api/members/tasks/" + NO_SUCH + "/" + action, body);
    }

    /** Every member of staff (not residents, party members or services). */
    private static final String STAFF_200 = "403 200 403 200 200 200 200 200 200 200 200 200 403";

    /** An area inside the principal's scope (its first scope node), or outside it. */
    private static Row.Target evaluationArea(Function<String, String> path) {
        return (f, p, s, fresh) -> {
            var area = s == Scope.IN ? f.areaOf(p) : outsideArea(p);
            return area == null ? null : Request.at(path.apply(area));
        };
    }

    /** A rating or secretary that does not exist (evaluation rows). */
    private static final String NO_SUCH = "00000000-0000-4000-8000-000000000000";

    /** An appraisal table of the principal's own area (inside), or of an area outside it. */
    private static @Nullable Request appraisalOf(String table, Fixtures f, Principal p, Scope s) {
        var area = s == Scope.IN ? f.areaOf(p) : outsideArea(p);
        return area == null
                ? null
                : Request.at("/api/evaluation/appraisals/" + table + "?area=" + area + "&period=2026-03");
    }

    /** A date no run has used for appraisal weights yet: a version is never rewritten. */
    private static String farFuture() {
        return java.time.LocalDate.of(2100, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(300_000))
                .toString();
    }

    /** The Open311 key the stack's intake accepts: the demo key its banner prints. */
    static final class Open311 {
        static final String API_KEY = org.whistle.localstack.LocalStack.open311Key();

        private Open311() {}
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Row.Target get(String path) {
        return (f, p, s, fresh) -> Request.at(path);
    }

    private static Row.Target ticketRead(Function<Prepared, String> path) {
        return (f, p, s, fresh) -> {
            var ticket = f.ticketToRead(p, s, Stage.DISPATCHED);
            return ticket == null ? null : Request.at(path.apply(ticket));
        };
    }

    private static Row.Target centre(Stage stage, String action, Function<Prepared, String> body) {
        return centre(stage, t -> action, body);
    }

    private static Row.Target centre(Stage stage, Function<Prepared, String> action, Function<Prepared, String> body) {
        return (f, p, s, fresh) -> {
            var ticket = f.ticket(p, s, stage, fresh);
            return ticket == null
                    ? null
                    : Request.json(
                            "/api/tickets/" + ticket.ticketId() + "/" + action.apply(ticket), body.apply(ticket));
        };
    }

    private static Row.Target task(Stage stage, String action, String body) {
        return (f, p, s, fresh) -> {
            var ticket = f.ticket(p, s, stage, fresh);
            return ticket == null
                    ? null
                    : Request.json(
                            "/api/tickets/" + ticket.ticketId() + "/tasks/" + f.taskUnit(p, ticket) + "/" + action,
                            body);
        };
    }

    private static @Nullable Request merge(Fixtures f, Principal p, Scope s, boolean fresh) {
        var spot = Fixtures.ticketSpot(p, s);
        if (spot == null) {
            return null;
        }
        var ticket = f.ticket(spot, Stage.RAISED, fresh, "");
        var into = f.ticket(spot, Stage.RAISED, fresh, "merge-into");
        return Request.json("/api/tickets/" + ticket.ticketId() + "/merge", "{\"into\":\"" + into.ticketId() + "\"}");
    }

    private static String summon(Prepared ticket) {
        return "{\"lead\":\"%s\",\"coUnits\":[\"%s\"]}".formatted(ticket.place().leadUnit, ticket.place().coUnit);
    }

    /** Up one level, or from the city back down to the district. */
    private static String transfer(Prepared ticket) {
        var to = ticket.level() == Casework.Level.STREET
                ? Casework.Level.DISTRICT
                : ticket.level() == Casework.Level.DISTRICT ? Casework.Level.CITY : Casework.Level.DISTRICT;
        return "{\"centre\":\"%s\",\"level\":\"%s\",\"reason\":\"需要上级统筹\"}"
                .formatted(Casework.centreOf(ticket.place(), to), to);
    }

    /** 督办/催办: a reason and a deadline a day ahead, Beijing time. */
    private static String supervision(String reason) {
        var due = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(1);
        return "{\"reason\":\"%s\",\"dueBy\":\"%s\"}".formatted(reason, due);
    }

    private static String reason(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    private static String whistle(Principal principal, String channel) {
        var spot = Fixtures.ticketSpot(principal, Scope.IN);
        var place = spot == null ? Place.CROSSING : spot.place();
        var whistle = Gateway.JSON
                .createObjectNode()
                .put("channel", channel)
                .put("category", place.category)
                // Written as a person would: the walk test reads it back on the raiser's own 我的吹哨 page.
                .put("description", "路口这里路面坏了，请尽快来看看（系统测试）")
                .put("urgency", "NORMAL");
        whistle.putObject("location")
                .put("lat", place.lat)
                .put("lng", place.lng)
                .put("crs", "WGS84");
        return whistle.toString();
    }

    /** The principal's unit, or for those without one the unit a ticket of their place summons first. */
    private static String ownUnit(Fixtures f, Principal p) {
        var own = f.unitOf(p);
        if (own != null) {
            return own;
        }
        var spot = Fixtures.ticketSpot(p, Scope.IN);
        return spot == null ? Place.CROSSING.leadUnit : spot.place().leadUnit;
    }

    private static @Nullable String otherUnit(Fixtures f, Principal p) {
        if (p.citywide()) {
            return null;
        }
        return Place.YONGQING.leadUnit.equals(ownUnit(f, p)) ? Place.CROSSING.leadUnit : Place.YONGQING.leadUnit;
    }

    private static @Nullable String outsideArea(Principal p) {
        return p.citywide() ? null : Fixtures.areaOutside(p);
    }

    private static Row.Target webhook(Function<String, String> path) {
        return (f, p, s, fresh) -> {
            var unit = f.webhookUnit(p, s);
            return unit == null ? null : Request.at(path.apply(f.webhook(unit, fresh)));
        };
    }
}
