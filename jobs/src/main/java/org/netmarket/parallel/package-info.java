/**
 * Running independent tasks from a few driver threads, results in input order.
 */
package org.netmarket.parallel;
