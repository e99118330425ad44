package org.contacthub.load;

/** Encodes contacts as rows of PostgreSQL's COPY text format, in the staging table's column order. */
final class CopyText {

    private static final String NULL = "\\N";

    private CopyText() {}

    static void appendRow(StringBuilder out, ContactRecord c) {
        text(out, c.channel().code()).append('\t');
        text(out, c.contactPoint()).append('\t');
        out.append(c.occurredAt()).append('\t');
        text(out, c.naturalKey()).append('\t');
        out.append(c.timeAmbiguous() ? 't' : 'f').append('\t');
        text(out, c.outcome()).append('\t');
        value(out, c.waitSeconds()).append('\t');
        value(out, c.talkSeconds()).append('\t');
        flag(out, c.autoReply()).append('\t');
        flag(out, c.bulk()).append('\t');
        flag(out, c.bounce()).append('\t');
        flag(out, c.internal()).append('\t');
        flag(out, c.spam()).append('\t');
        text(out, c.formState()).append('\t');
        text(out, c.sourceRef()).append('\t');
        out.append(c.sourceLine()).append('\n');
    }

    private static StringBuilder value(StringBuilder out, Integer value) {
        return value == null ? out.append(NULL) : out.append(value.intValue());
    }

    private static StringBuilder flag(StringBuilder out, Boolean value) {
        return value == null ? out.append(NULL) : out.append(value ? 't' : 'f');
    }

    /** Escapes the characters COPY text format gives meaning to; a NUL cannot be stored and is replaced. */
    static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out.append(NULL);
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u0000' -> out.append('\uFFFD');
                default -> out.append(ch);
            }
        }
        return out;
    }
}
