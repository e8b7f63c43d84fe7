/**
 * A throwaway PostgreSQL cluster for workloads with {@code database: postgres}: found among the installed server
 * programs, initialized into the run's work directory, listening only on 127.0.0.1, removed afterwards. Entry
 * point: {@link org.pairbench.targets.postgres.LocalPostgres}.
 */
package org.pairbench.targets.postgres;
