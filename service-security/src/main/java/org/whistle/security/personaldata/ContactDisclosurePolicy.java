package org.whistle.security.personaldata;

import java.util.EnumSet;
import java.util.Set;
import org.whistle.security.Role;

/**
 * Who sees a person's contact (name and phone) in full, masked or not at all (design §7: "phones and names are masked
 * for those who need not see them"). Full only for those who must reach the person:
 *
 * <table>
 *   <caption>Disclosure by whose contact it is and how the caller stands to the record</caption>
 *   <tr><th>whose</th><th>relation</th><th>roles</th><th>sees</th></tr>
 *   <tr><td>any</td><td>{@link Relation#ANONYMOUS}</td><td>—</td><td>NONE</td></tr>
 *   <tr><td>any</td><td>{@link Relation#SELF}</td><td>any</td><td>FULL</td></tr>
 *   <tr><td>REPORTER</td><td>OWNING_CENTRE</td><td>a dispatcher role</td><td>FULL (files, verifies, follows up)</td></tr>
 *   <tr><td>REPORTER</td><td>SUMMONED_UNIT</td><td>DEPARTMENT_OFFICER, PROPERTY_STAFF, COMMUNITY_STAFF</td>
 *       <td>FULL while the unit's task is open (先行联系)</td></tr>
 *   <tr><td>REPORTER</td><td>SERVICE_DELIVERY</td><td>SERVICE</td><td>FULL (the text message to the reporter)</td></tr>
 *   <tr><td>REPORTER</td><td>anything else</td><td>any (also ADMINISTRATOR, LEADER, DEPARTMENT_LEADER)</td>
 *       <td>MASKED</td></tr>
 *   <tr><td>ACCOUNT_HOLDER</td><td>OTHER</td><td>ADMINISTRATOR</td><td>FULL (maintains accounts)</td></tr>
 *   <tr><td>ACCOUNT_HOLDER</td><td>OTHER</td><td>others</td><td>MASKED</td></tr>
 *   <tr><td>DUTY_CONTACT</td><td>OTHER</td><td>any staff role</td><td>FULL (the contact exists to be called)</td></tr>
 *   <tr><td>DUTY_CONTACT</td><td>OTHER</td><td>RESIDENT, PARTY_MEMBER, SERVICE, none</td><td>MASKED</td></tr>
 * </table>
 *
 * A relation that does not apply to the kind of contact (a "summoned unit" asking for an account holder) counts as
 * {@link Relation#OTHER}. Services work out the relation from their own data; the roles must still fit it, so a
 * wrongly computed relation does not by itself disclose a number.
 */
public final class ContactDisclosurePolicy {

    /** Whose contact it is. */
    public enum Whose {
        /** Who raised a whistle (intake holds the number encrypted). */
        REPORTER,
        /** A Whistle account: staff, residents with an account (org-registry). */
        ACCOUNT_HOLDER,
        /** The person on duty for a handling unit, published so staff can call the unit. */
        DUTY_CONTACT
    }

    /** How the caller stands to the record that holds the contact. */
    public enum Relation {
        /** No token. */
        ANONYMOUS,
        /** The person themselves: the reporter of the whistle, the holder of the account. */
        SELF,
        /** A dispatcher of the command centre that owns the ticket now, at its current level, in scope. */
        OWNING_CENTRE,
        /** Staff of a unit with an open task on the ticket (summoned, reported in or on site). */
        SUMMONED_UNIT,
        /** A Whistle service sending the reporter the message a rule asks for. */
        SERVICE_DELIVERY,
        /** Anyone else allowed to see the record: higher levels, leaders, administrators, units done with it. */
        OTHER
    }

    static final Set<Role> DISPATCHERS =
            EnumSet.of(Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER);

    /** Those who go on site or call the reporter for their unit; the unit's leader supervises and does not. */
    static final Set<Role> UNIT_HANDLERS =
            EnumSet.of(Role.DEPARTMENT_OFFICER, Role.PROPERTY_STAFF, Role.COMMUNITY_STAFF);

    /** Roles that see duty contacts in full: everyone working in the platform, not residents or machines. */
    static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(Role.RESIDENT, Role.PARTY_MEMBER, Role.SERVICE));

    private ContactDisclosurePolicy() {}

    public static Disclosure decide(Whose whose, Relation relation, Set<Role> roles) {
        if (relation == Relation.ANONYMOUS) {
            return Disclosure.NONE;
        }
        if (relation == Relation.SELF) {
            return Disclosure.FULL;
        }
        var full = switch (whose) {
            case REPORTER ->
                switch (relation) {
                    case OWNING_CENTRE -> anyOf(roles, DISPATCHERS);
                    case SUMMONED_UNIT -> anyOf(roles, UNIT_HANDLERS);
                    case SERVICE_DELIVERY -> roles.contains(Role.SERVICE);
                    default -> false;
                };
            case ACCOUNT_HOLDER -> roles.contains(Role.ADMINISTRATOR);
            case DUTY_CONTACT -> anyOf(roles, STAFF);
        };
        return full ? Disclosure.FULL : Disclosure.MASKED;
    }

    private static boolean anyOf(Set<Role> roles, Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
