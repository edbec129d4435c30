#ifndef NOTICEBOARD_DEFAULT_THEME_H
#define NOTICEBOARD_DEFAULT_THEME_H

/// One file of themes/default/, built into the binary (default_theme.c, written by generate.py).
typedef struct {
    /// Relative to the theme folder: `templates/layout.mustache`, `assets/site.css`.
    const char *path;
    const unsigned char *bytes;
    unsigned long length;
} noticeboard_theme_file;

/// Every file of the default theme, sorted by path; `count` receives how many.
const noticeboard_theme_file *noticeboard_default_theme(unsigned long *count);

#endif
