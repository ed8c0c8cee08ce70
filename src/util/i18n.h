/*
 * i18n.h: messages in the reader's language through GNU gettext (glibc's libintl). _() marks a
 * message and translates it from the catalogue of the domain "rotaplan" (po/ja.po, compiled by
 * msgfmt into build/locale/ja/LC_MESSAGES/rotaplan.mo); without a catalogue, or in any locale
 * but one whose messages are Japanese, the English text stands. Only main.c chooses the locale
 * (rp_i18n_init), and only the messages category: numbers, dates and the bytes of every file
 * written never depend on it. Only text for people on stderr is translated.
 */
#ifndef ROTAPLAN_UTIL_I18N_H
#define ROTAPLAN_UTIL_I18N_H

#include <libintl.h>

#define RP_TEXT_DOMAIN "rotaplan"
#define _(msgid) dgettext(RP_TEXT_DOMAIN, msgid)

#endif
