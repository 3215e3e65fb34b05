package org.whistle.members.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.exchange.domain.RedemptionPolicy;
import org.whistle.members.exchange.domain.RedemptionState;
import org.whistle.members.place.Places;
import org.whistle.members.points.GrantingPoints;
import org.whistle.members.points.Ledger;
import org.whistle.members.points.Standings;
import org.whistle.members.points.domain.LedgerEntry;
import org.whistle.members.points.domain.RuleSet;
import org.whistle.members.reporting.Memberships;
import org.whistle.problems.ConflictException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * The exchange as use cases. A redemption locks the member's row, derives what they can spend from the ledger, takes
 * one from the stock only while some is left, and spends the points as a ledger entry — one transaction, so parallel
 * redemptions queue on the member and the item and neither overdraws nor oversells.
 */
@Service
public class Redeeming {

    /** A catalogue item. */
    public record Item(
            UUID id,
            String compoundId,
            String name,
            String description,
            @Nullable String merchant,
            int points,
            int stock,
            boolean active) {}

    /** A redemption, for the member and the community. */
    public record Redemption(
            UUID id,
            UUID memberId,
            String memberName,
            UUID itemId,
            String itemName,
            String compoundId,
            int points,
            RedemptionState state,
            Instant requestedAt,
            @Nullable Instant handedOverAt,
            @Nullable String handedOverBy) {}

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final Standings standings;
    private final Ledger ledger;
    private final Places places;
    private final MembersAccess access;
    private final Clock clock;

    Redeeming(
            JdbcClient jdbc,
            Memberships memberships,
            Standings standings,
            Ledger ledger,
            Places places,
            MembersAccess access,
            Clock clock) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.standings = standings;
        this.ledger = ledger;
        this.places = places;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Item addItem(
            Caller caller,
            String compoundId,
            String name,
            String description,
            @Nullable String merchant,
            int points,
            int stock) {
        if (!places.isActive(compoundId, Places.COMPOUND)) {
            throw org.whistle.problems.InvalidInputException.of(
                    "compoundId", Phrase.of("members.refusal.noSuchCompound"));
        }
        access.requireManager(caller, compoundId);
        var item = new Item(UUID.randomUUID(), compoundId, name, description, merchant, points, stock, true);
        jdbc.sql("""
                        INSERT INTO catalogue_item (id, compound_id, name, description, merchant, points, stock, active,
                            created_at, created_by)
                        VALUES (:id, :compound, :name, :description, :merchant, :points, :stock, TRUE, :at, :by)""")
                .param("id", item.id())
                .param("compound", compoundId)
                .param("name", name)
                .param("description", description)
                .param("merchant", merchant)
                .param("points", points)
                .param("stock", stock)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", caller.subject())
                .update();
        return item;
    }

    /**
     * Restocks or withdraws an item (the community's shelf changes; redemptions made stay). A change is kept with who
     * made it and the state before and after (V10); one that changes nothing is not.
     */
    @Transactional
    public Item restock(Caller caller, UUID itemId, int stock, boolean active) {
        access.requireManager(caller, item(itemId).compoundId());
        // Locked, so that the state kept as "before" is the one this change replaces, not one a redemption just left.
        var before = jdbc.sql("SELECT * FROM catalogue_item WHERE id = :id FOR UPDATE")
                .param("id", itemId)
                .query((rs, n) -> item(rs))
                .single();
        if (before.stock() == stock && before.active() == active) {
            return before;
        }
        jdbc.sql("UPDATE catalogue_item SET stock = :stock, active = :active WHERE id = :id")
                .param("stock", stock)
                .param("active", active)
                .param("id", itemId)
                .update();
        jdbc.sql("""
                        INSERT INTO catalogue_stock_change (item_id, changed_at, changed_by, stock_before, stock_after,
                                                            active_before, active_after)
                        VALUES (:item, :at, :by, :stockBefore, :stockAfter, :activeBefore, :activeAfter)""")
                .param("item", itemId)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", caller.subject())
                .param("stockBefore", before.stock())
                .param("stockAfter", stock)
                .param("activeBefore", before.active())
                .param("activeAfter", active)
                .update();
        return item(itemId);
    }

    @Transactional(readOnly = true)
    public List<Item> catalogue(String compoundId) {
        return jdbc.sql("SELECT * FROM catalogue_item WHERE compound_id = :compound AND active ORDER BY points, name")
                .param("compound", compoundId)
                .query((rs, n) -> item(rs))
                .list();
    }

    /** 兑换: spends the item's points; refused (in Chinese) when out of stock or the points do not reach. */
    @Transactional
    public Redemption redeem(Caller caller, UUID itemId) {
        var member = memberships
                .bySubject(caller.subject())
                .orElseThrow(() -> new ConflictException(Phrase.of("members.refusal.reportInFirst")));
        var memberId = member.id().value();
        memberships.lock(memberId);
        var item = jdbc.sql("SELECT * FROM catalogue_item WHERE id = :id FOR UPDATE")
                .param("id", itemId)
                .query((rs, n) -> item(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("catalogue-item", itemId.toString()));
        if (!member.isConfirmed() || !item.compoundId().equals(member.compoundId())) {
            throw new ConflictException(Phrase.of("members.refusal.otherCompoundItem"));
        }
        var now = clock.instant();
        var year = GrantingPoints.yearOf(now);
        var spendable = standings.of(memberId, member.compoundId(), year).spendable();
        if (RedemptionPolicy.decide(item.active(), item.stock(), item.points(), spendable)
                instanceof RedemptionPolicy.Refused refused) {
            throw new ConflictException(refused.reason());
        }
        jdbc.sql("UPDATE catalogue_item SET stock = stock - 1 WHERE id = :id")
                .param("id", itemId)
                .update();
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO redemption (id, member_id, item_id, item_name, compound_id, points, state,
                            requested_at)
                        VALUES (:id, :member, :item, :name, :compound, :points, 'REQUESTED', :at)""")
                .param("id", id)
                .param("member", memberId)
                .param("item", itemId)
                .param("name", item.name())
                .param("compound", item.compoundId())
                .param("points", item.points())
                .param("at", Timestamp.from(now))
                .update();
        ledger.append(new LedgerEntry(
                UUID.randomUUID(),
                memberId,
                -item.points(),
                "积分兑换：" + item.name(),
                places.cityOf(item.compoundId()),
                RuleSet.REDEEM,
                null,
                null,
                id,
                caller.subject(),
                member.profile().name(),
                now,
                year,
                null,
                "redeem:" + id));
        return redemption(id);
    }

    /** 交付: the community records that it handed the item over. */
    @Transactional
    public Redemption handOver(Caller caller, UUID redemptionId) {
        var redemption = redemption(redemptionId);
        access.requireManager(caller, redemption.compoundId());
        int changed = jdbc.sql("""
                        UPDATE redemption SET state = 'HANDED_OVER', handed_over_at = :at, handed_over_by = :by,
                            handed_over_name = :name
                        WHERE id = :id AND state = 'REQUESTED'""")
                .param("at", Timestamp.from(clock.instant()))
                .param("by", caller.subject())
                .param("name", caller.name() == null ? "工作人员" : caller.name())
                .param("id", redemptionId)
                .update();
        if (changed == 0) {
            throw new ConflictException(Phrase.of("members.refusal.redemptionCollected"));
        }
        return redemption(redemptionId);
    }

    @Transactional(readOnly = true)
    public List<Redemption> ofCompound(Caller caller, String compoundId) {
        access.requireManager(caller, compoundId);
        return redemptions("r.compound_id = :key", compoundId);
    }

    @Transactional(readOnly = true)
    public List<Redemption> mine(Caller caller) {
        return memberships
                .bySubject(caller.subject())
                .map(m -> redemptions("r.member_id = CAST(:key AS UUID)", m.id().toString()))
                .orElse(List.of());
    }

    private List<Redemption> redemptions(String where, String key) {
        return jdbc.sql("""
                        SELECT r.*, m.name AS member_name FROM redemption r JOIN membership m ON m.id = r.member_id
                        WHERE %s ORDER BY r.requested_at DESC LIMIT 500""".formatted(where))
                .param("key", key)
                .query((rs, n) -> redemption(rs))
                .list();
    }

    private Redemption redemption(UUID id) {
        return jdbc.sql("""
                        SELECT r.*, m.name AS member_name FROM redemption r JOIN membership m ON m.id = r.member_id
                        WHERE r.id = :id""")
                .param("id", id)
                .query((rs, n) -> redemption(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("redemption", id.toString()));
    }

    private Item item(UUID id) {
        return jdbc.sql("SELECT * FROM catalogue_item WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> item(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("catalogue-item", id.toString()));
    }

    private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Item(
                rs.getObject("id", UUID.class),
                rs.getString("compound_id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("merchant"),
                rs.getInt("points"),
                rs.getInt("stock"),
                rs.getBoolean("active"));
    }

    private static Redemption redemption(java.sql.ResultSet rs) throws java.sql.SQLException {
        var handed = rs.getTimestamp("handed_over_at");
        return new Redemption(
                rs.getObject("id", UUID.class),
                rs.getObject("member_id", UUID.class),
                rs.getString("member_name"),
                rs.getObject("item_id", UUID.class),
                rs.getString("item_name"),
                rs.getString("compound_id"),
                rs.getInt("points"),
                RedemptionState.valueOf(rs.getString("state")),
                rs.getTimestamp("requested_at").toInstant(),
                handed == null ? null : handed.toInstant(),
                rs.getString("handed_over_name"));
    }
}
