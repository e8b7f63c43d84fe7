package org.pairbench.targets.docker;

/**
 * Names shared by the image builder, the Dockerfile and the runtime: image repositories, image labels, and where
 * things are inside the target image. The paths must match {@code python-targets/Dockerfile}. Constants only.
 */
final class Images {
    /** Repository of the target image; its tag is {@link BuildContext#tag()}, a hash of what the image holds. */
    static final String TARGETS_REPOSITORY = "pairbench/python-targets";
    /** Repository of the PostgreSQL image; its tag is {@link PostgresImage#tag()}. */
    static final String POSTGRES_REPOSITORY = "pairbench/postgres";
    /** Repository of the Debian base built with debootstrap when no registry is reachable; tagged by date. */
    static final String BASE_REPOSITORY = "pairbench/base-bookworm";

    /** The interpreter of the image's virtual environment (fills {@code {python}}). */
    static final String PYTHON = "/opt/pairbench/venv/bin/python";
    /** The copy of {@code python-targets/} in the image: working directory of Python programs. */
    static final String TARGETS_DIR = "/opt/pairbench/python-targets";
    /** The Python minor version the lock file is made for; wheels are downloaded for it. */
    static final String PYTHON_VERSION = "3.11";

    /** Image label: the base image reference the target image was built from. */
    static final String LABEL_BASE = "org.pairbench.base";
    /** Image label: the base image's id, so a rebuilt base makes the target image out of date. */
    static final String LABEL_BASE_ID = "org.pairbench.base-id";
    /** Image label: pip and setuptools versions copied from the local environment (so both list the same). */
    static final String LABEL_VENV_TOOLS = "org.pairbench.venv-tools";

    private Images() {
    }

    static String targetsImage(String tag) {
        return TARGETS_REPOSITORY + ":" + tag;
    }

    static String postgresImage(String tag) {
        return POSTGRES_REPOSITORY + ":" + tag;
    }
}
