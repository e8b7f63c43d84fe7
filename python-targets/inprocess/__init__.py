"""In-process benchmarks (claims C5 C8 C9 C11 C14 C16-C19): one program per pattern and side, run by pyperf."""
