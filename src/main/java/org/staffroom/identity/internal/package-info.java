/** What the module keeps to itself: classes no other module may use. */
@org.jspecify.annotations.NullMarked
package org.staffroom.identity.internal;
