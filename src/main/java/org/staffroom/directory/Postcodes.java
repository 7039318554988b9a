package org.staffroom.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UK postcodes as the directory's search sees them. A group's area is free text, most often an outward code
 * ("BS7"); a worker types a full postcode, an outward code or a postcode area. All of them come down to the
 * district (outward code) and the postcode area (its letters), matched as whole words, so that "E1" never
 * finds "E10" and "B" never finds "BS7".
 */
final class Postcodes {

    /**
     * A full postcode in upper case: the outward code (one or two letters, a digit, then maybe a digit or a
     * letter) and the inward code (a digit and two letters), with any spaces between them or none.
     */
    private static final Pattern FULL = Pattern
            .compile("(?<![A-Z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*[0-9][A-Z]{2}(?![A-Z0-9])");
    /** An outward code as a lower-case search word; its letters are the postcode area. */
    private static final Pattern OUTWARD = Pattern.compile("([a-z]{1,2})[0-9][a-z0-9]?");
    /** Marks a postcode area among a listing's area words; no typed word can start with it. */
    private static final String AREA_MARK = "#";

    private Postcodes() {
    }

    /** The text with each full postcode cut to its outward code: "BS7 8AB" and "bs78ab" become "BS7". */
    static String toDistricts(String text) {
        return FULL.matcher(text.toUpperCase(Locale.ROOT)).replaceAll("$1");
    }

    /** Whether a search word is an outward code, such as "bs7", "e1" or "ec1a". */
    static boolean isDistrict(String word) {
        return OUTWARD.matcher(word).matches();
    }

    /** The index word that stands for a postcode area ("bs"), kept apart from every word a person can type. */
    static String areaWord(String areaCode) {
        return AREA_MARK + areaCode.toLowerCase(Locale.ROOT);
    }

    /**
     * What a listing's area adds to its words for search: the district of each full postcode in it, and the
     * postcode area of each district.
     */
    static List<String> areaTokens(String area) {
        List<String> tokens = new ArrayList<>();
        for (String word : SearchQuery.Terms.of(toDistricts(area))) {
            Matcher district = OUTWARD.matcher(word);
            if (district.matches()) {
                tokens.add(word);
                tokens.add(areaWord(district.group(1)));
            }
        }
        return tokens;
    }
}
