package org.staffroom.shared;

import java.util.List;

/**
 * Where a feature keeps its anonymous acts between the request that made them and their release to the
 * group (docs/anonymity.md, "The pool"). A request writes an act as a waiting row ({@code released} false,
 * {@code fresh} true); once a minute {@link Mixing} locks the pool, has it rewrite every waiting row in a
 * random order ({@link #mix}), so that no row keeps the place or the transaction the request gave it, then
 * has it release what is due ({@link #release}): counts and lists the group sees move only then, never in
 * the request that completes a batch.
 *
 * <p>Where named rows share a table with anonymous ones (open and secret ballots, named and anonymous
 * comments), the named rows written since the last run are written again with them: otherwise the holes the
 * job leaves where it took a waiting row away (PostgreSQL's freed line pointers, H2's row numbers) would stand
 * between named rows, right after the named act of whoever acted anonymously next. A request that changes
 * such a row in place locks the pool first, so that the job never writes it again over the change.
 */
public interface AnonymousPool {

    /** The pool's row in {@code shared_anonymity_lock}. */
    String name();

    /**
     * Rewrites the pool with {@code rows} (every waiting row, when any is fresh) and stamps rows that were
     * changed in place since the last run. Runs in the job's transaction, with the pool locked.
     *
     * @return how many rows it wrote
     */
    int mix(AnonymousRows rows);

    /**
     * Makes visible what is due, in the same transaction as {@link #mix}: batches big enough to hide who
     * is in them at any run; at the end of the release period, everything still waiting (see
     * docs/anonymity.md for each feature's rule).
     *
     * @return how many acts it released
     */
    int release(boolean periodEnd);

    /** The tables the pool writes (and any a request deletes from beside it), whose old row versions the job clears. */
    List<String> tables();
}
