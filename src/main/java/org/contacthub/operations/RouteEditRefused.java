package org.contacthub.operations;

/** A route file edit that failed validation: which file, the line at fault (1-based) and why. */
class RouteEditRefused extends Exception {

    private final String file;
    private final int line;
    private final String reason;

    RouteEditRefused(String file, int line, String reason) {
        super(file + " line " + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    String file() {
        return file;
    }

    int line() {
        return line;
    }

    String reason() {
        return reason;
    }
}
