/**
 * Judging, in pure Java with exact arithmetic: scoring rules of the edition applied to
 * measurements ({@link org.netmarket.rules.Ratio}, never doubles), statuses, and the roll-up
 * of items to indicators, categories, total and pass/fail. No Spark, no database.
 */
package org.netmarket.scoring;
