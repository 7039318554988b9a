/** The module's pages and API: controllers that bind requests and call the module's use cases. */
// NullAway: not yet @NullMarked (issue 18)
package org.staffroom.surveys.web;
