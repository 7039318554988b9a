/** The module's pages and API: controllers that bind requests and call the module's use cases. */
@org.jspecify.annotations.NullMarked
package org.staffroom.surveys.web;
