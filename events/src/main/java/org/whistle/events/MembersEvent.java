package org.whistle.events;

/**
 * An event of members-service (党员进小区, ADR 0026): community tasks on {@link Topics#COMMUNITY_TASKS}, keyed by the task
 * so one task's events keep their order; participation figures on {@link Topics#MEMBER_PARTICIPATION}, keyed by the
 * member. No names, phones or addresses: ids and facts.
 */
public sealed interface MembersEvent extends EventData
        permits CommunityTaskPublished, CommunityTaskCompleted, MemberReported, MemberTaskDone {}
