#ifndef NOTICEBOARD_BUILD_INFO_H
#define NOTICEBOARD_BUILD_INFO_H

/// The commit the binary was built from and its date, or "" when the build did not record them
/// (an ordinary `swift build`). `make dist` records them in noticeboard_commit.h (build_info.c).
const char *noticeboard_commit(void);
const char *noticeboard_commit_date(void);

#endif
