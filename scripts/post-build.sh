#!/usr/bin/env bash
# Trunk's post_build hook: cuts the release app into a shell and one wasm chunk per page, and
# writes the brotli and gzip siblings the server sends.
#
# Trunk 0.21 cannot split wasm (trunk-rs/trunk#1022), so this hook redoes its last steps on the
# raw wasm cargo built under `--cfg karya_split` with `--emit-relocs` (see Makefile `app`):
# wasm-split-cli cuts it at the `#[wasm_split]` points (src/pages/chunks.rs), wasm-bindgen
# binds the shell keeping the linker's exports the chunks call, wasm-opt shrinks every part,
# and the files Trunk staged are replaced under their names, with index.html's integrity
# hashes made again. A build without the cfg (trunk serve, a plain `trunk build`) is left as is.
set -euo pipefail

staging="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
profile="${TRUNK_PROFILE:-debug}"
target_dir="${CARGO_TARGET_DIR:-target}"
raw="$target_dir/wasm32-unknown-unknown/$profile/karya-app.wasm"

# Every release build: brotli and gzip siblings made once, sent as they are by the server.
precompress() { [ "$profile" = release ] && node "$(dirname "$0")/precompress.mjs" "$staging"; true; }

# A page the server sent with its first view (crates/core/src/first_view.rs): the app starts
# once the frame that paints it is on screen. Where the code arrives as fast as the page (a
# warm cache, a fast network), starting at once would hold the main thread before that frame,
# and the first view, drawn but never painted, would give a person nothing sooner. A frame off
# screen or a tab in the background paints nothing (no animation frame comes): 100 ms at most.
first_paint="if (document.querySelector('body > .first-view')) await new Promise((go) => { requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 100); });"
grep -qF "$first_paint" "$staging/index.html" \
  || sed -i "s|^const wasm = await init(|$first_paint\nconst wasm = await init(|" "$staging/index.html"
grep -qF "$first_paint" "$staging/index.html" || { echo "post-build: Trunk's start script changed; see first_paint" >&2; exit 1; }

case " ${RUSTFLAGS:-} " in
  *"--cfg karya_split"*) ;;
  *) precompress; exit 0 ;;
esac

shell_js=$(cd "$staging" && ls karya-app-*.js)
stem="${shell_js%.js}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

wasm-split-cli "$raw" "$work/split" --target web --out-name "$stem"
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$work/bound" --out-name "$stem" "$work/split/$stem.wasm"

opt() { wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$1" -o "$2"; }
opt "$work/bound/${stem}_bg.wasm" "$staging/${stem}_bg.wasm"
cp -r "$work/bound/snippets" "$staging/"

# Chunks and their loader carry the build's hash, as Trunk's files do: a shell of one build must
# never load a chunk of another (their function tables would not match), and the server may
# then cache them for good.
hash="${stem##*-}"
loader="karya-split-$hash.js"
# Only the import statement: the wasm still names its import module "./__wasm_split.js".
sed "s#from \"\./__wasm_split\.js\"#from \"./$loader\"#" "$work/bound/$stem.js" >"$staging/$stem.js"
sed -E "s#\"\./([a-z0-9_]+)\.wasm\"#\"./\1-$hash.wasm\"#g" "$work/split/__wasm_split.js" >"$staging/$loader"
for chunk in "$work/split"/*.wasm; do
  name=$(basename "$chunk" .wasm)
  [ "$name" = "$stem" ] && continue
  opt "$chunk" "$staging/$name-$hash.wasm"
done

# A first visit fetches its page's chunks as one file (see the script).
node "$(dirname "$0")/pack-chunks.mjs" "$staging" "$loader"

# The integrity hashes Trunk wrote name the files it made, not these.
for file in "${stem}_bg.wasm" "$stem.js"; do
  digest=$(node -e 'const c=require("crypto"),f=require("fs");
    process.stdout.write("sha384-"+c.createHash("sha384").update(f.readFileSync(process.argv[1])).digest("base64"))' \
    "$staging/$file")
  sed -i -E "s#(href=\"/$file\"[^>]*integrity=\")[^\"]*#\1$digest#" "$staging/index.html"
done
# The loader is imported by the shell at once: fetch it beside the shell (and the service
# worker, which stores what index.html names, finds the chunks through it).
grep -q "href=\"/$loader\"" "$staging/index.html" || sed -i "s#</head>#<link rel=\"modulepreload\" href=\"/$loader\" crossorigin=\"anonymous\"></head>#" \
  "$staging/index.html"
precompress
