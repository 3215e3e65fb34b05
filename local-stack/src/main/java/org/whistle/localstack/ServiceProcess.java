package org.whistle.localstack;

/** A started service together with its {@link Process}, which only the stack may stop. */
record ServiceProcess(RunningService running, Process process) {

    String name() {
        return running.name();
    }
}
