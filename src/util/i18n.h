/*
 * i18n.h: messages in the reader's language through GNU gettext (glibc's libintl). _() marks a
 * message and translates it from the catalogue of the domain "rotaplan" (po/ja.po, compiled by
 * msgfmt into build/locale/ja/LC_MESSAGES/rotaplan.mo); without a catalogue, or in any locale
 * but one whose messages are Japanese, the English text stands. Only main.c chooses the locale
 * (rp_i18n_init), and only the messages category: numbers and dates never depend on it.
 * Text for people is translated: messages on stderr, help, the findings of check, the what-if's
 * changes, capacity, show, the table's and the HTML report's headings. Machine formats (CSV,
 * YAML, JSON, the ILP) never are: their bytes are the same in any locale. N_() marks a string
 * for the catalogue where it is defined (a static table) and _() translates it where it is
 * used; P_() picks the singular or plural form of a count ("1 rule", "2 rules").
 */
#ifndef ROTAPLAN_UTIL_I18N_H
#define ROTAPLAN_UTIL_I18N_H

#include <libintl.h>

#define RP_TEXT_DOMAIN "rotaplan"
#define _(msgid) dgettext(RP_TEXT_DOMAIN, msgid)
#define N_(msgid) msgid
#define P_(one, many, n) dngettext(RP_TEXT_DOMAIN, one, many, (unsigned long)(n))

#endif
