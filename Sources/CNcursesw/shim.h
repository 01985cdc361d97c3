// The ncursesw API as Swift can import it. SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so the wide
// character API is switched on here; macros and unsafe globals are wrapped in inline functions.
#ifndef MATURITY_CNCURSESW_SHIM_H
#define MATURITY_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// From wchar.h, which declares it only for _XOPEN_SOURCE: the width ncurses gives a character.
extern int wcwidth(wchar_t c);

// From term.h, declared here so that term.h's macros (lines, columns...) stay out of Swift's way.
extern char *tigetstr(const char *capname);

/// Starts ncurses on the process's standard output and input; NULL when the terminal type is unusable.
static inline SCREEN *maturity_new_screen(void) { return newterm(NULL, stdout, stdin); }

static inline WINDOW *maturity_stdscr(void) { return stdscr; }
static inline int maturity_lines(void) { return LINES; }
static inline int maturity_cols(void) { return COLS; }
static inline int maturity_colors(void) { return COLORS; }
static inline int maturity_key_code_yes(void) { return KEY_CODE_YES; }
static inline attr_t maturity_a_normal(void) { return A_NORMAL; }
static inline attr_t maturity_a_bold(void) { return A_BOLD; }
static inline attr_t maturity_a_reverse(void) { return A_REVERSE; }
static inline attr_t maturity_a_underline(void) { return A_UNDERLINE; }
static inline attr_t maturity_a_dim(void) { return A_DIM; }

/// Puts one grapheme (up to CCHARW_MAX - 1 code points) at row, column with attributes and a colour pair.
static inline int maturity_put_cell(int row, int column, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) {
        return ERR;
    }
    return mvwadd_wch(stdscr, row, column, &cell);
}

/// Reads one byte of input, or a key code (KEY_MIN and above) for keys the terminal sends as sequences;
/// ERR on timeout. Text is decoded from UTF-8 in Swift, so that invalid bytes cannot stall the input.
static inline int maturity_get_byte(void) { return wgetch(stdscr); }
static inline int maturity_key_min(void) { return KEY_MIN; }

#endif
