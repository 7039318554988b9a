package org.staffroom.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.staffroom.groups.Sector;
import org.staffroom.shared.DomainException.InvalidInput;

/** A directory search: words anywhere, plus optional filters; every part optional. */
public record SearchQuery(String q, String area, String employer, String profession, String sector, int page) {

    static final int MAX_TEXT = 100;

    public SearchQuery {
        q = clean("q", q);
        area = clean("area", area);
        employer = clean("employer", employer);
        profession = clean("profession", profession);
        sector = sector == null ? "" : sector.strip();
        if (page < 0 || page > 1000) {
            throw new InvalidInput("page", "directory.page");
        }
    }

    public @Nullable Sector parsedSector() {
        if (sector.isEmpty()) {
            return null;
        }
        try {
            return Sector.valueOf(sector.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("sector", "group.sector.invalid");
        }
    }

    private static String clean(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInput(field, "text.tooLong", MAX_TEXT);
        }
        return text;
    }

    static final class Terms {

        private Terms() {
        }

        static List<String> of(String text) {
            if (text == null) {
                return List.of();
            }
            return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(word -> !word.isEmpty())
                    .map(word -> word.length() > 64 ? word.substring(0, 64) : word)
                    .distinct()
                    .toList();
        }
    }
}
