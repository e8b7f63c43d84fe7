# The PostgreSQL server of the docker runtime (the db-pool workload): Debian's postgresql package on the same base
# image as the target image (the debootstrap Debian base, or --base), with one cluster made at build time by the
# same initdb options as the local runtime's throwaway cluster. The harness starts one container per workload
# (a fresh copy of that cluster), with the server settings of the local runtime on its command line.
# Built by ./pairbench images from this file alone (no other context), tagged with a hash of this file and the
# build arguments below; a changed file names a new image. Classic builder syntax (Docker 20.10).

ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}
ENV LANG=C.UTF-8

# No service started during the build (policy-rc.d), and no "main" cluster from the package: the cluster is the
# harness's own, below. Symlinks in /usr/local/bin name the programs without their major version (and put the real
# psql ahead of Debian's wrapper). The build runs with --network host for apt.
RUN printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d \
    && mkdir -p /etc/postgresql-common/createcluster.d \
    && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/pairbench.conf \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql \
    && rm -rf /var/lib/apt/lists/* /usr/sbin/policy-rc.d \
    && bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1) \
    && ln -s "$bin/postgres" "$bin/initdb" "$bin/psql" /usr/local/bin/

# e.g. "--username=pairbench --auth=trust --encoding=UTF8 --locale=C --no-sync" (PostgresConventions.initdbOptions())
ARG INITDB_OPTIONS
ARG DATA_DIR=/var/lib/postgresql/pairbench
# postgres, Debian's account for the server: it refuses to run as root
USER postgres
# Who gets in: over TCP (what the targets use, on the host's loopback) only with the password the harness sets
# per container (scram-sha-256); without a password, only through the Unix socket in the data directory, mode
# 0700 inside the container, which nothing outside the container reaches: the harness's own psql, by docker exec.
RUN initdb -D "$DATA_DIR" $INITDB_OPTIONS \
    && printf 'local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n' \
       > "$DATA_DIR/pg_hba.conf"
WORKDIR /var/lib/postgresql
# fast shutdown on docker stop (SIGTERM would wait for clients to leave)
STOPSIGNAL SIGINT
# not org.pairbench=1: containers inherit image labels, and that one marks the containers the harness removes
LABEL org.pairbench.image=postgres
CMD ["sh", "-c", "echo 'pairbench postgres image: the harness gives each container its command'"]
