package org.whistle.sla.clocks;

import org.whistle.sla.clocks.domain.Firing;

/** What the clock processor tells the outside (metrics): each publication and each task's count of running clocks. */
public interface ClockObserver {

    ClockObserver NONE = new ClockObserver() {
        @Override
        public void published(Firing firing) {}

        @Override
        public void running(String task, long clocks) {}

        @Override
        public void closed(String task) {}
    };

    /** A warning or escalation went into the current transaction. */
    void published(Firing firing);

    /** How many clocks are counting down in one task (partition) now. */
    void running(String task, long clocks);

    /** The task left this instance; its clocks are counted elsewhere. */
    void closed(String task);
}
