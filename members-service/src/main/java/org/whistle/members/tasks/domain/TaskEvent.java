package org.whistle.members.tasks.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What happened to a task, in the past tense, for the ledger and the outbox. */
public sealed interface TaskEvent {

    /** 审核通过: the member's work is approved; points are granted once for this task and member. */
    record ClaimApproved(
            TaskId task,
            String title,
            UUID memberId,
            int points,
            BigDecimal hours,
            String approver,
            String approverName,
            Instant at)
            implements TaskEvent {}

    /** 未到场: the member claimed and never came; the city's no-show rule applies. */
    record ClaimNoShow(TaskId task, String title, UUID memberId, String recordedBy, String recorderName, Instant at)
            implements TaskEvent {}

    /** 已完成: nothing on the task is pending any more and at least one claim was approved. */
    record TaskCompleted(TaskId task, int approvedClaims, BigDecimal hours, String approver, Instant at)
            implements TaskEvent {}
}
