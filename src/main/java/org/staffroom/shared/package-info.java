/**
 * What every feature uses: errors that map to 4xx answers, secure random tokens, time, and the web frame.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.staffroom.shared;
