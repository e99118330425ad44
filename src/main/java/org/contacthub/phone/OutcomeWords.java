package org.contacthub.phone;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.contacthub.load.CallOutcome;

/** A vendor's words for what happened to a call, matched without regard to case and without allocating. */
final class OutcomeWords {

    private final char[][] words;
    private final CallOutcome[] outcomes;
    private final CallOutcome allDigits;

    OutcomeWords(Map<String, CallOutcome> words, CallOutcome allDigits) {
        List<String> keys = List.copyOf(words.keySet());
        this.words = new char[keys.size()][];
        this.outcomes = new CallOutcome[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            this.words[i] = keys.get(i).trim().toLowerCase(Locale.ROOT).toCharArray();
            this.outcomes[i] = words.get(keys.get(i));
        }
        this.allDigits = allDigits;
    }

    /** The outcome that text[start, end) stands for, or null when the layout does not know the word. */
    CallOutcome lookup(char[] text, int start, int end) {
        for (int i = 0; i < words.length; i++) {
            if (sameWord(words[i], text, start, end)) {
                return outcomes[i];
            }
        }
        return allDigits != null && isDigits(text, start, end) ? allDigits : null;
    }

    private static boolean sameWord(char[] word, char[] text, int start, int end) {
        if (word.length != end - start) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (word[i] != Character.toLowerCase(text[start + i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(char[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
        }
        return end > start;
    }
}
