package org.whistle.evaluation.appraisal.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The case figures an appraisal needs, per object and period. A narrow port: the figures capability may implement it
 * from its rollups; until then the appraisal reads the case projection itself (ADR 0025).
 */
public interface CaseFigures {

    /** Counts of the cases each unit led (主办), by the date each fell due for handling. */
    Map<String, HandlingCounts> ofLeadUnits(Collection<String> units, Period period, Instant now);

    /** Counts of the cases in each area (street, community …), by the date each fell due for handling. */
    Map<String, HandlingCounts> ofAreas(Collection<String> areas, Period period, Instant now);

    /** How each unit answered its summonses (by report-in due date and the day its part ended). */
    Map<String, AnswerCounts> answersOfUnits(Collection<String> units, Period period);

    /** The counts behind 三率 of the cases in each area. */
    Map<String, FollowUpCounts> followUpsInAreas(Collection<String> areas, Period period);

    /** How the summonses of each area's cases were answered. */
    Map<String, AnswerCounts> answersInAreas(Collection<String> areas, Period period);
}
