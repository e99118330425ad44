package org.contacthub.operations;

import java.lang.management.ManagementFactory;

/** How this hub names itself to support staff, where a cluster's hubs share a table: process id @ host. */
final class ThisHub {

    static final String NAME = ManagementFactory.getRuntimeMXBean().getName();

    private ThisHub() {}
}
