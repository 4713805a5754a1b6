/**
 * Web: the layout every page shares, the home page, error pages and the API's problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.aftercare.web;
