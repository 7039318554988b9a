/** Staffroom's application class; each sub-package is a feature module. */
@org.jspecify.annotations.NullMarked
package org.staffroom;
