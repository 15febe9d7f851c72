#ifndef CHAINMAP_CLIBFUZZER_H
#define CHAINMAP_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that own `main` (compiler-rt, FuzzerInterface.h).
/// Linked from the toolchain's libFuzzer when building with `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
