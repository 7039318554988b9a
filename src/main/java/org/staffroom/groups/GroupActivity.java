package org.staffroom.groups;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a feature tells the group's overview pages about itself, so that the group page, the momentum page
 * and a meeting's agenda can show it without depending on the feature: the wins, figures per month, and
 * the items an agenda can link to. Callers check that the member may see the group before asking.
 */
public interface GroupActivity {

    /** Something a meeting's agenda can link to; {@code kind} is the message key of what it is. */
    record Item(String kind, UUID id, String title, String path) {
    }

    /** A demand won or partly won; {@code outcome} is a message key. */
    record Win(String what, String outcome, LocalDate on, String path) {
    }

    /** A figure per calendar month, oldest first; {@code label} is a message key. */
    record Monthly(String label, List<MonthCount> months) {

        /** The highest count, at least 1, to scale a chart by. */
        public int most() {
            return Math.max(1, months.stream().mapToInt(MonthCount::count).max().orElse(0));
        }
    }

    /** {@code outOf} is set where the figure is a part of a whole, like actions done on time of those due. */
    record MonthCount(YearMonth month, int count, @Nullable Integer outOf) {
    }

    /**
     * Something a member is to do in the group now: vote, answer, come to the next meeting, finish an action,
     * answer people asking to join. {@code kind} is a message key taking {@code title} as its argument;
     * {@code when} (in the instance's time zone) is when it closes, starts or was due, {@code timed} whether its
     * time of day means anything; {@code overdue} puts it first.
     */
    record Task(String kind, String title, String path, java.time.@Nullable LocalDateTime when, boolean timed,
            boolean overdue) {
    }

    /**
     * What {@code accountId} has to do in the group, for the group page and the home page; the caller has checked
     * they are a member, and a feature that offers organisers' work checks the role itself.
     */
    default List<Task> toDo(UUID groupId, UUID accountId) {
        return List.of();
    }

    default List<Item> agendaItems(UUID groupId) {
        return List.of();
    }

    default List<Win> wins(UUID groupId) {
        return List.of();
    }

    default List<Monthly> monthly(UUID groupId, YearMonth from, YearMonth to) {
        return List.of();
    }

    /** Every month from {@code from} to {@code to}, each with the count its function gives (zero if none). */
    static List<MonthCount> perMonth(YearMonth from, YearMonth to, Function<YearMonth, MonthCount> count) {
        List<MonthCount> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(count.apply(month));
        }
        return months;
    }

    /** Counts dates per month, every month from {@code from} to {@code to} included. */
    static List<MonthCount> countPerMonth(Collection<LocalDate> dates, YearMonth from, YearMonth to) {
        Map<YearMonth, Long> counts = dates.stream()
                .collect(Collectors.groupingBy(YearMonth::from, Collectors.counting()));
        return perMonth(from, to, month -> new MonthCount(month, counts.getOrDefault(month, 0L).intValue(), null));
    }
}
