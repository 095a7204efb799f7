/**
 * The settings of a run as plain beans, every key a named constant beside its default, and the
 * two failures that are not defects: bad usage ({@link org.netmarket.config.UsageException},
 * exit 2) and the environment ({@link org.netmarket.config.EnvironmentException}, exit 1).
 * Depends on nothing of the job but the edition's default id and the rule language's
 * {@code Reason} and {@code BilingualFailure} (a failure says why in English and Chinese).
 */
package org.netmarket.config;
