#!/bin/sh
# browser.sh: the HTML report as a browser shows it. For the default plan of each programme
# (models/radiology-keio-2019.yaml, models/initial-residency-2020.yaml) the report is rendered by
# headless Chromium (Debian's `chromium`, installed by `make deps-browser`) to a PNG, with the
# page's console logged: the test fails on any console message (a script error, a resource that
# could not load: the page must need nothing from outside), on a missing or empty PNG, and when
# the SVG does not hold exactly one bar per stint of the plan. Run by `make test-browser` with
# ROTAPLAN set; the PNGs are kept in $BROWSER_OUT (default build/browser/) for a look, with the
# page printed to PDF (it must be A4 landscape, as its @page rule says). Screenshots are 1400 px
# wide: the radiology plan, the two-year plan (with leave, an extension and wishes) and a what-if
# comparison. Japanese must render in a CJK font, not as tofu: the printed PDF embeds the fonts
# it drew with, and an IPA or Noto CJK font must be among them (make deps-browser installs
# fonts-ipafont-gothic; the page's font stack names IPAGothic). The reports are made with the
# messages in Japanese (LANGUAGE=ja), the coordinator's screen: its headings and labels are the
# ones that must fit. A copy of each page with a small script measures every heat-map place name
# as drawn against its column: none may be clipped.
set -u
. tests/lib.sh
OUT=${BROWSER_OUT:-build/browser}
mkdir -p "$OUT"
dir=$(cd "$OUT" && pwd) # absolute, for the file:// address
CHROMIUM=${CHROMIUM:-chromium}
command -v "$CHROMIUM" >/dev/null 2>&1 || { echo "browser.sh: $CHROMIUM not found (make deps-browser)"; exit 1; }

RADIOLOGY=models/radiology-keio-2019.yaml
run "whatif plan" 0 plan "$RADIOLOGY" --residents examples/radiology-cohort-12.yaml --out "$T/old.yaml" --quiet
run "whatif" 0 whatif "$RADIOLOGY" "$T/old.yaml" --withdraw kawasaki --from 2020-10 \
    --residents examples/radiology-cohort-12.yaml --format csv --out "$T/whatif.csv" --quiet
# the what-if comparison is shown with the new plan's stints
for model in "$RADIOLOGY" models/initial-residency-2020.yaml whatif; do
    prog=$(basename "$model" .yaml)
    if [ "$model" = whatif ]; then
        ja "$prog report" 0 report "$RADIOLOGY" "$T/whatif.csv" --compare "$T/old.yaml" \
            --residents examples/radiology-cohort-12.yaml \
            --scenario "kawasaki withdraws from 2020-10" --out "$OUT/$prog.html" --quiet
        has "$prog report" "$OUT/$prog.html" '<table class="changes">'
        has "$prog report" "$OUT/$prog.html" '<h2>想定変更: kawasaki withdraws from 2020-10</h2>'
    elif [ "$prog" = initial-residency-2020 ]; then
        run "$prog plan" 0 plan "$model" --residents tests/fixtures/desk-initial.yaml --format csv \
            --out "$T/$prog.csv" --quiet
        ja "$prog report" 0 report "$model" "$T/$prog.csv" --residents tests/fixtures/desk-initial.yaml \
            --out "$OUT/$prog.html" --quiet
    else
        run "$prog plan" 0 plan "$model" --format csv --out "$T/$prog.csv" --quiet
        ja "$prog report" 0 report "$model" "$T/$prog.csv" --out "$OUT/$prog.html" --quiet
    fi
    stints=$(($(wc -l <"$T/$prog.csv") - 1))
    bars=$(grep -o '<rect class="stint[" ]' "$OUT/$prog.html" | wc -l)
    [ "$bars" -eq "$stints" ] || fail "$prog: $bars bars for $stints stints"
    rm -f "$OUT/$prog.png"
    # --enable-logging=stderr --v=0 logs the page's console as INFO:CONSOLE lines; a fresh
    # profile each time, so that nothing cached hides a resource the page asks for
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --no-first-run --user-data-dir="$T/profile-$prog" --enable-logging=stderr --v=0 \
        --window-size=1400,3000 --screenshot="$OUT/$prog.png" \
        "file://$dir/$prog.html" >"$T/$prog.log" 2>&1 ||
        fail "$prog: chromium exited with $? ($(tail -n 2 "$T/$prog.log"))"
    [ "$(head -c 8 "$OUT/$prog.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] ||
        fail "$prog: no PNG written"
    [ "$(wc -c <"$OUT/$prog.png" 2>/dev/null || echo 0)" -gt 10000 ] ||
        fail "$prog: the PNG is nearly empty"
    if grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR_' "$T/$prog.log" >"$T/$prog.console"; then
        fail "$prog: console messages: $(head -n 3 "$T/$prog.console")"
    fi
    # no place name of the heat maps is clipped: a copy of the page measures each label as the
    # browser draws it against the column that holds it (issue 15: "no clipped labels")
    cp "$OUT/$prog.html" "$T/$prog-probe.html"
    cat >>"$T/$prog-probe.html" <<'EOF2'
<script>
var bad = [], n = 0;
document.querySelectorAll('svg.heatmap > svg > text').forEach(function (t) {
  n++;
  if (t.getComputedTextLength() + 2 > t.parentNode.width.baseVal.value) bad.push(t.textContent);
});
document.body.setAttribute('data-clipped', bad.length + ' of ' + n + ': ' + bad.slice(0, 3).join(' | '));
</script>
EOF2
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --user-data-dir="$T/profile-$prog" --dump-dom "file://$T/$prog-probe.html" \
        >"$T/$prog.dom" 2>/dev/null || fail "$prog: chromium could not load the probe"
    grep -q 'data-clipped="0 of [1-9]' "$T/$prog.dom" ||
        fail "$prog: heat-map labels clipped: $(grep -o 'data-clipped="[^"]*"' "$T/$prog.dom")"
    # printed, the page is A4 landscape (@page): 842 x 595 points
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --user-data-dir="$T/profile-$prog" --no-pdf-header-footer --print-to-pdf="$OUT/$prog.pdf" \
        "file://$dir/$prog.html" >"$T/$prog.pdf.log" 2>&1 || fail "$prog: chromium could not print"
    grep -aq 'MediaBox \[0 0 841\.[0-9]* 594\.[0-9]*\]' "$OUT/$prog.pdf" 2>/dev/null ||
        fail "$prog: the printed page is not A4 landscape"
    # the fonts it drew with (subset names such as /BaseFont /AAAAAA+IPAPGothic): a CJK one
    grep -ao '/BaseFont */[A-Z]*+\{0,1\}[A-Za-z0-9-]*' "$OUT/$prog.pdf" | sort -u >"$T/$prog.fonts"
    grep -Eq 'IPA[A-Za-z]*Gothic|IPA[A-Za-z]*Mincho|NotoSansCJK|NotoSerifCJK|NotoSansJP' "$T/$prog.fonts" ||
        fail "$prog: no CJK font in the printed page (fonts: $(tr '\n' ' ' <"$T/$prog.fonts"))"
    count=$((count + 1))
done

echo "browser.sh: $count runs, $failures failure(s); PNGs in $OUT/"
[ "$failures" -eq 0 ]
