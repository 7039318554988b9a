package org.staffroom.shared;

import java.util.List;

/**
 * Where a feature keeps its anonymous acts between the request that made them and their release to the
 * group (docs/anonymity.md, "The pool"). A request writes an act as a waiting row ({@code released} false,
 * {@code fresh} true); once a minute {@link Mixing} locks the pool, has it rewrite every waiting row in a
 * random order ({@link #mix}), so that no row keeps the place or the transaction the request gave it, then
 * has it release what is due ({@link #release}): counts and lists the group sees move only then, never in
 * the request that completes a batch.
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
