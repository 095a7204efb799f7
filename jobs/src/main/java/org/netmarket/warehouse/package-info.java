/**
 * The PostgreSQL warehouse: Flyway migrations, the run ledger, the publishing lock, and the
 * writer that publishes a run's scores, lineage and history in one transaction; the BI role and
 * the data dictionary.
 */
package org.netmarket.warehouse;
