package org.staffroom.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        StringBuilder sql = new StringBuilder("""
                select l.group_id, l.name, l.employer, l.sector, l.professions, l.area, l.description
                from directory_listing l where 1 = 1""");
        List<Object> params = new ArrayList<>();
        wordFilter(sql, params, query.terms(query.q()), null);
        wordFilter(sql, params, query.terms(query.area()), "area");
        wordFilter(sql, params, query.terms(query.employer()), "employer");
        wordFilter(sql, params, query.terms(query.profession()), "professions");
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
     * Each word must start a word of the listing: an index range scan on the terms (from the word up to the
     * word with its last letter moved on by one). A field filter also requires the word in that field.
     * Words hold only letters and digits, so they need no escaping in LIKE.
     */
    private static void wordFilter(StringBuilder sql, List<Object> params, List<String> words, String column) {
        for (String word : words) {
            sql.append(" and l.group_id in (select t.group_id from directory_term t where t.term >= ? and t.term < ?)");
            params.add(word);
            params.add(word.substring(0, word.length() - 1) + (char) (word.charAt(word.length() - 1) + 1));
            if (column != null) {
                sql.append(" and lower(l.").append(column).append(") like ?");
                params.add("%" + word + "%");
            }
        }
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
