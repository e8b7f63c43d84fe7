/**
 * PostgreSQL for workloads with {@code database: postgres}: how every server is set up and questioned
 * ({@link org.pairbench.targets.postgres.PostgresConventions}, shared by both runtimes), and the local runtime's
 * throwaway cluster ({@link org.pairbench.targets.postgres.LocalPostgres}): found among the installed server
 * programs, initialized into the run's work directory, listening only on 127.0.0.1, removed afterwards.
 */
package org.pairbench.targets.postgres;
