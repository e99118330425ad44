package org.contacthub.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.contacthub.load.CallOutcome;

/** How each shipped phone layout (config/layouts) writes a day of calls, as its vendor's platform would. */
enum DemoLayout {
    CANONICAL("canonical", StandardCharsets.UTF_8) {
        @Override
        String header() {
            return "call_id,started_at,dialled_number,caller_number,queue,wait_seconds,talk_seconds,outcome";
        }

        @Override
        void write(Writer out, List<DemoCall> calls, LocalDate day, Random random) throws IOException {
            String prefix = "C" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
            for (DemoCall call : calls) {
                out.write(prefix + String.format("%05d", call.sequence()) + ',' + ISO.format(call.start()) + ','
                        + call.number() + ',' + call.callerInternational() + ',' + queue(call) + ','
                        + call.waitSeconds() + ',' + call.talkSeconds() + ',' + canonicalWord(call, random) + "\n");
            }
        }
    },

    CONTACT_CENTRE("contact-centre", StandardCharsets.UTF_8) {
        @Override
        String header() {
            return "\"Contact ID\",\"Master Contact ID\",\"Contact Date\",\"Contact Time\",\"Skill\",\"DNIS\","
                    + "\"ANI\",\"Agent Name\",\"Queue Seconds\",\"Handle Seconds\",\"Abandoned\"";
        }

        @Override
        void write(Writer out, List<DemoCall> calls, LocalDate day, Random random) throws IOException {
            long nextId = day.toEpochDay() * 10_000;
            for (DemoCall call : calls) {
                long master = ++nextId;
                var start = call.start();
                int talk = call.talkSeconds();
                for (int leg = 1; leg <= call.legs(); leg++) {
                    long id = leg == 1 ? master : ++nextId;
                    int wait = leg == 1 ? call.waitSeconds() : 5 + random.nextInt(40);
                    boolean abandoned = call.outcome() != CallOutcome.ANSWERED;
                    String agent = abandoned ? "" : '"' + AGENTS[random.nextInt(AGENTS.length)] + '"';
                    out.write(id + "," + master + "," + US_DATE.format(start) + "," + TIME.format(start) + ","
                            + queue(call) + "," + call.nationalNumber() + ","
                            + call.callerNational().substring(1)
                            + "," + agent + "," + wait + "," + talk + "," + (abandoned ? "Y" : "N") + "\r\n");
                    start = start.plusSeconds(wait + talk + 3);
                    talk = 30 + random.nextInt(300);
                }
            }
        }
    },

    LEGACY_LOGGER("legacy-logger", Charset.forName("windows-1252")) {
        @Override
        String header() {
            return "Date/Time;CLI;Dialled;Destination;Ring;Duration;Cost";
        }

        @Override
        void write(Writer out, List<DemoCall> calls, LocalDate day, Random random) throws IOException {
            for (DemoCall call : calls) {
                String caller = random.nextDouble() < 0.04 ? "Withheld" : call.callerNational();
                out.write(UK_DATE_TIME.format(call.start()) + ";" + caller + ";" + spaced(call.nationalNumber())
                        + ";" + destination(call, random) + ";" + clock(call.waitSeconds()) + ";"
                        + clock(call.talkSeconds()) + ";" + cost(call.talkSeconds()) + "\r\n");
            }
        }
    };

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter UK_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");
    private static final String[] QUEUES = {
        "Council Tax", "Benefits", "Waste", "Housing", "\"Parking, Permits\"", "Planning", "Switchboard"
    };
    private static final String[] AGENTS = {"Agent One", "Agent Two", "Agent Three", "Agent Four", "Agent Five"};

    private final String id;
    private final Charset charset;

    DemoLayout(String id, Charset charset) {
        this.id = id;
        this.charset = charset;
    }

    String id() {
        return id;
    }

    Charset charset() {
        return charset;
    }

    String fileName(LocalDate day) {
        return id + "-" + day + ".csv";
    }

    abstract String header();

    abstract void write(Writer out, List<DemoCall> calls, LocalDate day, Random random) throws IOException;

    static String queue(DemoCall call) {
        return QUEUES[Math.floorMod(call.number().hashCode(), QUEUES.length)];
    }

    static String canonicalWord(DemoCall call, Random random) {
        return switch (call.outcome()) {
            case ANSWERED -> "answered";
            case ABANDONED -> "abandoned";
            case OTHER -> random.nextBoolean() ? "voicemail" : "callback-requested";
        };
    }

    static String spaced(String national) {
        return national.length() == 11 && national.startsWith("0")
                ? national.substring(0, 5) + " " + national.substring(5)
                : national;
    }

    static String destination(DemoCall call, Random random) {
        return switch (call.outcome()) {
            case ANSWERED -> String.valueOf(2100 + random.nextInt(40));
            case ABANDONED -> "Abandoned";
            case OTHER -> "Unanswered";
        };
    }

    static String clock(int seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    static String cost(int talkSeconds) {
        int pence = (talkSeconds + 59) / 60 * 4;
        return String.format(Locale.ROOT, "\u00A3%d.%02d", pence / 100, pence % 100);
    }
}
