package org.staffroom.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupEvents.GroupSaved;
import org.staffroom.groups.Sector;
import org.staffroom.shared.DomainException;

/**
 * The public directory. Search matches word prefixes through an index of terms (one row per word of a
 * listing), which uses a B-tree on both H2 and PostgreSQL instead of scanning every listing.
 */
@Service
public class Directory {

    public static final int PAGE_SIZE = 20;


    public record Page(List<Listing> listings, boolean hasMore) {
    }

    private final JdbcClient jdbc;
    /** More matching terms than this, and a word is too common to start a search from. */
    private final int commonWord;

    Directory(JdbcClient jdbc, @Value("${staffroom.directory.common-word-matches:20000}") int commonWord) {
        this.jdbc = jdbc;
        this.commonWord = commonWord;
    }

    /** Keeps the public copy in step with the group: listed groups appear, hidden ones disappear. */
    @EventListener
    @Transactional
    void onGroupSaved(GroupSaved group) {
        jdbc.sql("delete from directory_listing where group_id = ?").param(group.groupId()).update();
        if (!group.listed()) {
            return;
        }
        String searchText = String.join(" ", group.name(), group.employer(), group.professions(), group.area(),
                group.description());
        jdbc.sql("""
                insert into directory_listing (group_id, name, employer, sector, professions, area, description,
                    search_text) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(group.groupId(), group.name(), group.employer(), group.sector().name(), group.professions(),
                        group.area(), group.description(), searchText.toLowerCase(java.util.Locale.ROOT))
                .update();
        for (String term : SearchQuery.Terms.of(searchText)) {
            jdbc.sql("insert into directory_term (term, group_id) values (?, ?)").params(term, group.groupId()).update();
        }
    }

    public Page search(SearchQuery query) {
        List<Word> words = new ArrayList<>();
        query.terms(query.q()).forEach(word -> words.add(new Word(word, null)));
        query.terms(query.area()).forEach(word -> words.add(new Word(word, "area")));
        query.terms(query.employer()).forEach(word -> words.add(new Word(word, "employer")));
        query.terms(query.profession()).forEach(word -> words.add(new Word(word, "professions")));
        Word driver = rarest(words);

        StringBuilder sql = new StringBuilder("""
                select l.group_id, l.name, l.employer, l.sector, l.professions, l.area, l.description
                from directory_listing l where 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (driver != null) {
            sql.append(" and l.group_id in (select d.group_id from directory_term d where d.term >= ? and d.term < ?)");
            params.add(driver.from());
            params.add(driver.to());
        }
        for (Word word : words) {
            if (word != driver) {
                sql.append(" and exists (select 1 from directory_term t where t.group_id = l.group_id"
                        + " and t.term >= ? and t.term < ?)");
                params.add(word.from());
                params.add(word.to());
            }
            if (word.column() != null) {
                sql.append(" and lower(l.").append(word.column()).append(") like ?");
                params.add("%" + word.text() + "%");
            }
        }
        Sector sector = query.parsedSector();
        if (sector != null) {
            sql.append(" and l.sector = ?");
            params.add(sector.name());
        }
        sql.append(" order by l.name, l.group_id limit ? offset ?");
        params.add(PAGE_SIZE + 1);
        params.add(query.page() * PAGE_SIZE);
        List<Listing> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Listing(rs.getObject("group_id", UUID.class), rs.getString("name"),
                        rs.getString("employer"), Sector.valueOf(rs.getString("sector")), rs.getString("professions"),
                        rs.getString("area"), rs.getString("description")))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, more);
    }

    /**
     * A word of a search, matched against the start of a listing's words: terms from the word up to the
     * word with its last letter moved on by one. Words hold only letters and digits, so they need no
     * escaping in LIKE. {@code column} names the field a filter word must also appear in.
     */
    private record Word(String text, String column) {
        String from() {
            return text;
        }

        String to() {
            return text.substring(0, text.length() - 1) + (char) (text.charAt(text.length() - 1) + 1);
        }
    }

    /**
     * The word with the fewest matching terms, found by counting each word's index range up to a bound.
     * The search starts from its groups; when every word is common, none is worth starting from, and the
     * search walks the directory by name, checking each group, which finds a page of common words quickly.
     */
    private Word rarest(List<Word> words) {
        Word rarest = null;
        long fewest = commonWord;
        for (Word word : words) {
            long count = jdbc.sql("""
                    select count(*) from (select 1 from directory_term where term >= ? and term < ?
                    fetch first %d rows only) matches""".formatted(commonWord))
                    .params(word.from(), word.to()).query(Long.class).single();
            if (count < fewest) {
                fewest = count;
                rarest = word;
            }
        }
        return rarest;
    }

    public Listing listing(UUID groupId) {
        return jdbc.sql("""
                select group_id, name, employer, sector, professions, area, description
                from directory_listing where group_id = ?""")
                .param(groupId)
                .query((rs, row) -> new Listing(rs.getObject("group_id", UUID.class), rs.getString("name"),
                        rs.getString("employer"), Sector.valueOf(rs.getString("sector")), rs.getString("professions"),
                        rs.getString("area"), rs.getString("description")))
                .optional().orElseThrow(DomainException.NotFound::new);
    }
}
