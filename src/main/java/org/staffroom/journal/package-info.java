/**
 * The bullying book: a private journal encrypted in its owner's browser, its versions kept, witnesses who
 * confirm an entry and reps it is shared with. The server stores ciphertext only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journal")
@org.jspecify.annotations.NullMarked
package org.staffroom.journal;
