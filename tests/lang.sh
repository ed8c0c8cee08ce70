#!/bin/sh
# lang.sh: the screen in the reader's language (issue 15 item 3). Under LANGUAGE=ja (GNU
# gettext, po/ja.po; it works with the C.UTF-8 locale, so no `locales` package is needed) help,
# a finding of check, the what-if's summary, the table's and the HTML report's headings are
# Japanese; without it they are English; facilities and departments are shown by their names
# from the model (小児科, not pediatrics) in the table and the calendars (with LOCATION); and the
# machine formats (CSV, YAML, JSON, iCalendar) are the same bytes in either language. Located
# input errors and option errors are Japanese too, at the same position with the same ids and
# quoted values: a few in full, and the first error of every case of tests/bad/.
# LANG=ja_JP.UTF-8 alone is tried too where that locale is installed (make deps generates it),
# else skipped with a note. Small models and committed plans only: no search but one small
# what-if. Run by `make test` with ROTAPLAN set to the binary.
set -u
. tests/lib.sh
RAD=models/radiology-keio-2019.yaml
INIT=models/initial-residency-2020.yaml
TINY=tests/fixtures/tiny-model.yaml
TINY_RES=tests/fixtures/tiny-residents.yaml
RAD_PLAN=tests/fixtures/whatif/radiology-cohorts-plan.csv
RAD_RES=examples/radiology-cohorts.yaml
INIT_PLAN=tests/fixtures/whatif/initial-plan.csv


lacks() { # lacks NAME FILE TEXT
    ! grep -qF -- "$3" "$2" || fail "$1: $(basename "$2") has '$3'"
}

# ---- help ----
ja "help ja" 0 help
has "help ja" "$T/out" "使い方: rotaplan COMMAND [ARGS]"
has "help ja" "$T/out" "計画 (YAML または CSV) を規則ごとにチェックする"
ja "plan --help ja" 0 plan --help
has "plan --help ja" "$T/out" "オプション:"
has "plan --help ja" "$T/out" "  --time-limit S     コマンド全体"
run "help en" 0 help
has "help en" "$T/out" "usage: rotaplan COMMAND [ARGS]"
lacks "help en" "$T/out" "使い方"

# ---- a finding of check, and its summary ----
ja "check ja" 1 check "$RAD" tests/fixtures/plan.yaml
has "check ja" "$T/out" "違反 RAD-01 [hard] 研修医 2019-01 (2019 年度): 研修医 2019-01 の算入期間は 12 か月 です"
has "check ja" "$T/out" "  必要: 36 か月 以上"
has "check ja" "$T/out" "  期間: 1-36 か月目 (2019-04 から 2022-03)"
matches "check ja" "$T/out" '^違反 [0-9]+ 件, 警告 0 件, 所見 0 件、研修医 3 名、規則 [0-9]+ 件$'
cp "$T/out" "$T/check-ja"
run "check en" 1 check "$RAD" tests/fixtures/plan.yaml
has "check en" "$T/out" "violation RAD-01 [hard] resident 2019-01 (cohort 2019): resident 2019-01 has 12 counted months"
has "check en" "$T/out" "  required: at least 36 months"
lacks "check en" "$T/out" "違反"
[ "$(grep -c '' "$T/out")" -eq "$(grep -c '' "$T/check-ja")" ] ||
    fail "check: the Japanese findings are not line for line the English ones"

# ---- the what-if's summary: Japanese, no solver words; the plan written the same bytes ----
ja "whatif ja" 0 whatif "$RAD" "$RAD_PLAN" --residents "$RAD_RES" --withdraw kawasaki \
    --from 2020-10 --out "$T/whatif-ja.csv"
matches "whatif ja" "$T/err" '^想定変更 \(2020-10-01 から\): 研修医・期間 [0-9]+ のうち [0-9]+ を維持 \(変更は最少、証明済み\)、その中で希望は最適.*、[0-9.]+ 秒$'
has "whatif ja" "$T/err" "想定変更: 影響を受けた研修医 7 名、変更された研修医・期間 78"
grep -Eq 'rows|columns|行、|列' "$T/err" && fail "whatif ja: solver vocabulary without --verbose"
run "whatif en" 0 whatif "$RAD" "$RAD_PLAN" --residents "$RAD_RES" --withdraw kawasaki \
    --from 2020-10 --out "$T/whatif-en.csv"
matches "whatif en" "$T/err" '^what-if from 2020-10-01: [0-9]+ of [0-9]+ resident-periods kept \(the fewest changes, proven\), wishes optimal among them.*; [0-9.]+ s$'
has "whatif en" "$T/err" "what-if: 7 residents affected, 78 resident-periods changed"
grep -Eq 'rows|columns' "$T/err" && fail "whatif en: solver vocabulary without --verbose"
cmp -s "$T/whatif-ja.csv" "$T/whatif-en.csv" || fail "whatif: the CSV differs between languages"

# ---- the HTML report: headings in the reader's language, the same page for the same language ----
ja "report ja" 0 report "$RAD" tests/fixtures/plan.yaml --out "$T/ja.html"
has "report ja" "$T/ja.html" "<h2>規則ごとの適合状況</h2>"
has "report ja" "$T/ja.html" "<h2>年度別ローテーション</h2>"
ja "report ja again" 0 report "$RAD" tests/fixtures/plan.yaml --out "$T/ja2.html"
cmp -s "$T/ja.html" "$T/ja2.html" || fail "report ja: two runs differ"
run "report en" 0 report "$RAD" tests/fixtures/plan.yaml --out "$T/en.html"
has "report en" "$T/en.html" "<h2>Compliance, rule by rule</h2>"
lacks "report en" "$T/en.html" "規則ごとの適合状況"

# ---- the table: the model's names for facilities and departments, Japanese headings ----
ja "table ja" 0 whatif "$INIT" "$INIT_PLAN" --capacity core=100 --from 2021-01 --format table
has "table ja" "$T/out" "研修医   年度  コース  施設"
matches "table ja" "$T/out" '^2020-01 +2020 +基幹型臨床研修病院（例） +小児科 +1-4 +2020-04-01 +2020-04-28 +4 週$'
run "table en" 0 whatif "$INIT" "$INIT_PLAN" --capacity core=100 --from 2021-01 --format table
matches "table en" "$T/out" '^2020-01 +2020 +基幹型臨床研修病院（例） +小児科 +1-4 +2020-04-01 +2020-04-28 +4 weeks$'
lacks "table en" "$T/out" "pediatrics"

# ---- calendars: names from the model, LOCATION the facility's; the same bytes in any language ----
ja "ics ja" 0 whatif "$INIT" "$INIT_PLAN" --capacity core=100 --from 2021-01 --format ics \
    --out "$T/ics-ja"
run "ics en" 0 whatif "$INIT" "$INIT_PLAN" --capacity core=100 --from 2021-01 --format ics \
    --out "$T/ics-en"
tr -d '\r' <"$T/ics-en/2020-01.ics" >"$T/ics"
has "ics" "$T/ics" "SUMMARY:基幹型臨床研修病院（例） (小児科)"
has "ics" "$T/ics" "LOCATION:基幹型臨床研修病院（例）"
diff -r "$T/ics-ja" "$T/ics-en" >/dev/null || fail "ics: the calendars differ between languages"

# ---- machine formats: the same bytes in either language ----
for f in csv yaml json; do
    ja "plan $f ja" 0 plan "$TINY" --residents "$TINY_RES" --format "$f" --out "$T/p-ja.$f"
    run "plan $f en" 0 plan "$TINY" --residents "$TINY_RES" --format "$f" --out "$T/p-en.$f"
    cmp -s "$T/p-ja.$f" "$T/p-en.$f" || fail "plan $f: the file differs between languages"
done
ja "plan summary ja" 0 plan "$TINY" --residents "$TINY_RES" --out "$T/p.csv"
has "plan summary ja" "$T/err" "tiny の研修医 1 名を計画しました: 最適 (proven best)"
has "plan summary ja" "$T/err" "計画の形"

# ---- rule sentences of the programme-structure kinds: whole sentences, with the fields,
# departments and facilities named as the model names them (救命救急センター, 北病院) ----
MINAMI=models/minami-general-2024.yaml
ja "show minami ja" 0 show "$MINAMI"
has "show minami ja" "$T/out" "MG-16 [programme] field-order: すべての研修医が 救急 を終えてから 地域医療 を始める"
has "show minami ja" "$T/out" "MG-11 [programme] weeks-in: すべての研修医が 診療科 救命救急センター (1 年目) で 8 週以上研修する"
has "show minami ja" "$T/out" "MG-18 [programme] weeks-in: すべての研修医が 北病院（例） で最大 12 週研修する"
grep -q "every resident\|internal medicine (内科)" "$T/out" && fail "show minami ja: English rule sentences left"
ja "show radiology ja" 0 show "$RAD"
has "show radiology ja" "$T/out" "RAD-09 [programme] course-pattern: すべての研修医がいずれかのコースの年ごとの型に従う (A: 基幹 基幹 連携;"
has "show radiology ja" "$T/out" "RAD-19 [hard] experience-target: 修了時の経験数: cases >= 90"
has "show radiology ja" "$T/out" "(過去 5 年の平均、所見として報告)"
ja "show two-year ja" 0 show models/initial-residency-2020.yaml
has "show two-year ja" "$T/out" "INIT-30 [hard] parallel-sessions: 並行研修は 救急、一般外来 のみ"
ja "capacity radiology ja" 0 capacity "$RAD"
has "capacity radiology ja" "$T/out" "RAD-13 [intake] 年間の採用上限: 各項の最小値 (切り捨て)"
has "capacity radiology ja" "$T/out" "<- 決まる項"
has "capacity radiology ja" "$T/out" "RAD-14 [intake] 都市部の採用上限: 過去の年平均採用数"
run "show minami en" 0 show "$MINAMI"
has "show minami en" "$T/out" "MG-11 [programme] weeks-in: every resident spends at least 8 weeks in department er in year 1"

# ---- located input errors and option errors: the prose in Japanese, the position, the ids and
# the quoted values as they are, the source line and its caret under the same column ----
ja "model error ja" 2 show tests/bad/model/unknown-key.yaml
has "model error ja" "$T/err" "tests/bad/model/unknown-key.yaml:10:5: error: 施設 'keio' に不明なキー 'instructers' があります。'instructors' のことですか?"
has "model error ja" "$T/err" "   10 |     instructers: 11"
has "model error ja" "$T/err" "      |     ^~~~~~~~~~~"
run "model error en" 2 show tests/bad/model/unknown-key.yaml
has "model error en" "$T/err" "tests/bad/model/unknown-key.yaml:10:5: error: unknown key 'instructers' in facility 'keio'; did you mean 'instructors'?"
ja "residents csv error ja" 2 plan "$RAD" --residents tests/bad/residents/csv-unknown-wish.csv \
    --out "$T/never.csv"
has "residents csv error ja" "$T/err" "csv-unknown-wish.csv:2:32: error: 希望の施設または診療科 'kawasak' が不明です。'kawasaki' のことですか?"
[ -e "$T/never.csv" ] && fail "residents csv error ja: a plan was written"
ja "undecodable csv ja" 2 check "$RAD" tests/bad/plan/invalid-utf8.csv
has "undecodable csv ja" "$T/err" "invalid-utf8.csv:3:3: error: バイト 0xff は UTF-8 でも Shift_JIS (CP932) でもありません"
ja "plan csv error ja" 2 check "$RAD" tests/bad/plan/wrong-header.csv
has "plan csv error ja" "$T/err" "wrong-header.csv:1:33: error: 列 'dept' は plan の列ではありません。'department' のことですか?"
ja "option error ja" 2 plan "$TINY" --residnets "$TINY_RES"
has "option error ja" "$T/err" "rotaplan plan: 不明なオプション '--residnets' です。'--residents' のことですか?"
has "option error ja" "$T/err" "オプションは 'rotaplan help plan' で表示されます"
empty "option error ja" "$T/out"
ja "whatif option error ja" 2 whatif "$RAD" "$RAD_PLAN" --withdraw kawasaki --from 2020-13
has "whatif option error ja" "$T/err" "rotaplan whatif: --from '2020-13': 日付 YYYY-MM-DD または月 YYYY-MM を期待しています"

# Every case of tests/bad: its first error in Japanese keeps the position of the English one (the
# `# expect:` line of tests/unit/test_bad_input.c) and says it in other words, with Japanese in them.
bad_ja() { # bad_ja FILE EXPECT_FILE ARGS...: the FILE's first error against its expectation
    file=$1
    expect=$(sed -n '1s/^# expect: //p' "$2")
    shift 2
    ja "bad $file ja" 2 "$@"
    first=$(grep -m1 ': error: ' "$T/err")
    case $first in
    "$file:${expect%%: *}: error: "*) ;;
    *) fail "bad $file ja: '$first' is not at ${expect%%: *}" ;;
    esac
    prose=${first#*: error: }
    [ "$prose" != "${expect#*: }" ] || fail "bad $file ja: still English: $prose"
    printf '%s' "$prose" | LC_ALL=C grep -q '[^ -~]' || fail "bad $file ja: no Japanese: $prose"
}
for f in tests/bad/model/*.yaml; do bad_ja "$f" "$f" show "$f"; done
for f in tests/bad/residents/*.yaml tests/bad/residents/*.csv; do
    e=$f; case $f in *.csv) e=${f%.csv}.expect ;; esac
    bad_ja "$f" "$e" plan "$RAD" --residents "$f" --out "$T/never.csv"
done
for f in tests/bad/plan/*.yaml tests/bad/plan/*.csv; do
    e=$f; case $f in *.csv) e=${f%.csv}.expect ;; esac
    bad_ja "$f" "$e" check "$RAD" "$f"
done
[ -e "$T/never.csv" ] && fail "bad residents ja: a plan was written"

# ---- LANG=ja_JP.UTF-8 alone (no LANGUAGE), where Debian's locales has generated it (make deps
# does); without it the part is skipped with a note, and LANGUAGE=ja above still runs ----
jalang() { # as run, with LANG=ja_JP.UTF-8 the only locale variable
    name=$1
    want=$2
    shift 2
    count=$((count + 1))
    (unset LANGUAGE LC_ALL LC_MESSAGES LC_CTYPE; LANG=ja_JP.UTF-8 "$BIN" "$@") >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" -eq "$want" ] || { fail "$name: exit $got, expected $want"; head -5 "$T/err"; }
}
if locale -a 2>/dev/null | grep -qix 'ja_JP.utf-*8'; then
    jalang "help LANG=ja_JP.UTF-8" 0 help
    has "help LANG=ja_JP.UTF-8" "$T/out" "使い方: rotaplan COMMAND [ARGS]"
    jalang "check LANG=ja_JP.UTF-8" 1 check "$RAD" tests/fixtures/plan.yaml
    cmp -s "$T/out" "$T/check-ja" || fail "check LANG=ja_JP.UTF-8: not the findings of LANGUAGE=ja"
    jalang "model error LANG=ja_JP.UTF-8" 2 show tests/bad/model/unknown-key.yaml
    has "model error LANG=ja_JP.UTF-8" "$T/err" ":10:5: error: 施設 'keio' に不明なキー 'instructers' があります"
    jalang "report LANG=ja_JP.UTF-8" 0 report "$RAD" tests/fixtures/plan.yaml --out "$T/lang.html"
    cmp -s "$T/lang.html" "$T/ja.html" || fail "report LANG=ja_JP.UTF-8: not the page of LANGUAGE=ja"
    for f in csv yaml json; do
        jalang "plan $f LANG=ja_JP.UTF-8" 0 plan "$TINY" --residents "$TINY_RES" --format "$f" \
            --out "$T/p-lang.$f"
        cmp -s "$T/p-lang.$f" "$T/p-en.$f" || fail "plan $f: LANG=ja_JP.UTF-8 writes other bytes"
    done
    has "plan LANG=ja_JP.UTF-8" "$T/err" "tiny の研修医 1 名を計画しました: 最適 (proven best)"
    jalang "ics LANG=ja_JP.UTF-8" 0 whatif "$INIT" "$INIT_PLAN" --capacity core=100 --from 2021-01 \
        --format ics --out "$T/ics-lang"
    diff -r "$T/ics-lang" "$T/ics-en" >/dev/null || fail "ics: LANG=ja_JP.UTF-8 writes other bytes"
else
    echo "lang.sh: NOTE: no ja_JP.UTF-8 locale here, its part skipped (make deps generates it);" \
         "LANGUAGE=ja tested"
fi

echo "lang.sh: $count runs, $failures failure(s)"
[ "$failures" -eq 0 ]
