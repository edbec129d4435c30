// C, not Swift, so that `make dist` can record the commit in a header of its own build folder
// (.build-dist/commit/noticeboard_commit.h, found through -Xcc -I): the flag never changes, so a
// new commit recompiles this file alone, not the whole release build.
#include "CBuildInfo.h"

#if defined(__has_include)
#if __has_include("noticeboard_commit.h")
#include "noticeboard_commit.h"
#endif
#endif

#ifndef NOTICEBOARD_COMMIT
#define NOTICEBOARD_COMMIT ""
#endif
#ifndef NOTICEBOARD_COMMIT_DATE
#define NOTICEBOARD_COMMIT_DATE ""
#endif

const char *noticeboard_commit(void) { return NOTICEBOARD_COMMIT; }
const char *noticeboard_commit_date(void) { return NOTICEBOARD_COMMIT_DATE; }
