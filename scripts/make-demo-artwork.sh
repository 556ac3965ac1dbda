#!/usr/bin/env bash
# Draws the demo show's artwork (examples/artwork.jpg): 1400x1400, the size Apple's
# minimum asks for, made with ffmpeg's lavfi filters only (no image files, no downloads).
#   scripts/make-demo-artwork.sh [output.jpg]
set -euo pipefail
out="${1:-$(dirname "$0")/../examples/artwork.jpg}"
font="${BRIEFCAST_ARTWORK_FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}"
bars=""
# Eleven bars of a level meter, tallest in the middle, as a sound wave.
heights=(120 220 340 460 560 620 560 460 340 220 120)
for i in "${!heights[@]}"; do
  h=${heights[$i]}
  x=$((260 + i * 82))
  y=$((640 - h / 2))
  bars+="drawbox=x=${x}:y=${y}:w=52:h=${h}:color=0xffc857:t=fill,"
done
ffmpeg -v error -y -f lavfi -i "color=c=0x12355b:s=1400x1400" -frames:v 1 \
  -vf "drawbox=x=70:y=70:w=1260:h=1260:color=0x1f5f8b:t=fill,${bars}drawtext=fontfile=${font}:text='Briefcast':fontsize=170:fontcolor=white:x=(w-text_w)/2:y=1000,drawtext=fontfile=${font}:text='DAILY':fontsize=96:fontcolor=0xffc857:x=(w-text_w)/2:y=1190" \
  -q:v 3 "$out"
echo "wrote $out"
