/* The one translation unit that holds the definitions of the
 * single-header registry. */
#define GEMINI_IMPLEMENTATION
#include "gemini_status_single.h"
