// SwiftPM needs one C source in a C target; the declaration in include/CLibFuzzer.h is all
// this target provides. LLVMFuzzerRunDriver itself comes from the toolchain's libFuzzer.
#include "CLibFuzzer.h"
