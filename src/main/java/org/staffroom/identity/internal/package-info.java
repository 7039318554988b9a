/** What the module keeps to itself: classes no other module may use. */
// NullAway: not yet @NullMarked (issue 18)
package org.staffroom.identity.internal;
