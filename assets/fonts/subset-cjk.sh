#!/usr/bin/env bash
# Rebuilds NotoSansCJKsc-map-subset.otf: Noto Sans CJK SC Regular cut down to the Chinese
# characters of locales/zh-CN/*.ftl and locales/zh-TW/*.ftl (the map draws only our own messages, numbers and names in
# Latin letters). Run it after adding Chinese characters to a map message: the unit test
# render::map::font::tests::every_map_message_can_be_drawn fails until then.
# Needs Debian's fonts-noto-cjk package (or NOTO_TTC pointing at NotoSansCJK-Regular.ttc) and
# fontTools (`pip install fonttools`).
set -euo pipefail
cd "$(dirname "$0")/../.."
ttc="${NOTO_TTC:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
chars="$(mktemp)"
trap 'rm -f "$chars"' EXIT
cat locales/zh-CN/*.ftl locales/zh-TW/*.ftl | python3 -c '
import sys
print("".join(sorted({c for c in sys.stdin.read() if ord(c) >= 0x2E80})), end="")' >"$chars"
# Font number 2 of the collection is Noto Sans CJK SC (simplified Chinese forms; it has the
# traditional characters too, drawn in the same style).
pyftsubset "$ttc" --font-number=2 --text-file="$chars" --layout-features='' --no-hinting \
  --name-IDs='*' --name-languages='*' --output-file=assets/fonts/NotoSansCJKsc-map-subset.otf
echo "assets/fonts/NotoSansCJKsc-map-subset.otf: $(wc -m <"$chars") characters"
